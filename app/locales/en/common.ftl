### Server-only sentences of the shared model, the errors and the server: formatted on the
### server, in the language of the page (or of the request), never by the browser's own code.

## Errors: what was not found. Lowercase and without a full stop, like every error.

error-not-found-integration = that integration was not found
# $slug: the app's name as the address spells it.
error-not-found-app = the integration "{ $slug }" was not found
error-not-found-configuration = that configuration was not found
error-not-found-field = that field was not found
error-not-found-run = that run was not found

## Identifiers in addresses and requests. $what says which: customer (the account's id),
## app (its name in the address), configuration (a named configuration's name) or field.

validation-identifier-required =
    { $what ->
        [customer] the customer id is required
        [configuration] the configuration name is required
        [field] the field id is required
       *[app] the app is required
    }
# $max: a number of characters.
validation-identifier-too-long =
    { $what ->
        [customer] the customer id must be at most { $max } characters
        [configuration] the configuration name must be at most { $max } characters
        [field] the field id must be at most { $max } characters
       *[app] the app must be at most { $max } characters
    }
# $character: the character, quoted ('/').
validation-identifier-character =
    { $what ->
        [customer] the customer id may not contain { $character }
        [configuration] the configuration name may not contain { $character }
        [field] the field id may not contain { $character }
       *[app] the app may not contain { $character }
    }
validation-identifier-dot =
    { $what ->
        [customer] the customer id may not start with a dot
       *[configuration] the configuration name may not start with a dot
    }
validation-slug-lowercase = the app's name in the address must be lowercase

## The sign-up form.

validation-name-required = Please enter your name.
# $max: a number of characters.
validation-name-too-long = Your name must be at most { $max } characters.
validation-name-control = Your name may not contain control characters.
validation-email-required = Please enter your email address.
validation-email-invalid = Please enter a valid email address, like name@example.com.

## The configuration form, checked on the server.

validation-form-too-many = the form has too many values
# $field: the field's name in the form.
validation-value-too-large = the value of field { $field } is too large
# A row of a mapping setting. $label: the row; $field: the setting.
validation-map-option = Choose one of the options for { $label } in { $field }.
# $label: the field's name; $min: a number, written as the language writes decimals.
validation-at-least = { $label } must be at least { $min }.
# $label: the field's name; $max: a number, written as the language writes decimals.
validation-at-most = { $label } must be at most { $max }.
validation-config-name-taken = That name is taken by the default configuration; choose another.
# $max: how many named configurations an app may have.
validation-config-limit = An app can have at most { $max } named configurations; delete one first.
# Shown as a field's problem when its choices could not be fetched.
config-form-options-unavailable = Its options could not be loaded; try again in a moment.

## Workflow runs (Retry, Stop). Lowercase, without a full stop: error sentences.

validation-run-not-failed = only a failed run can be retried
validation-run-ended = the run had already ended

## An app's credentials form.

# $app: the app's name.
connect-form-not-accepted = { $app } did not accept these credentials.

## Why the user's role (given by the host app) does not allow a change. Without a full stop:
## they are also error sentences; role-refusal-sentence makes one a sentence of its own.

role-member-disconnect = Only an admin of your account can disconnect an app
role-viewer-connect = Your role is viewer: you can see this app, but only an admin or member of your account can connect it
role-viewer-configure = Your role is viewer: you can see these settings, but only an admin or member of your account can change them
role-viewer-disconnect = Your role is viewer: you can see this connection, but only an admin of your account can disconnect it
role-viewer-run = Your role is viewer: you can see these runs, but only an admin or member of your account can retry or stop them
# $reason: one of the role-* sentences above.
role-refusal-sentence = { $reason }.

## A workflow run's status (Activity).

status-run-completed = Completed
status-run-running = Running
status-run-stopping = Stopping
status-run-failed = Failed
status-run-timed-out = Timed out
status-run-stopped = Stopped
status-run-unknown = Unknown

# A connected account for which the provider gives no name.
status-account-unnamed = Account

## The marketplace's status filter, and its banner.

filter-status-all = All
filter-status-connected = Connected
filter-status-attention = Needs attention
filter-status-available = Available
# A link to the apps that need attention (expired, setup unfinished, last run failed).
filter-attention =
    { $count ->
        [one] { $count } integration needs attention
       *[other] { $count } integrations need attention
    }

## A marketplace card.

# The app's logo. $app: the app's name.
card-logo-alt = { $app } logo
# The list of the app's categories.
card-categories = Categories
card-last-run-failed = Last run failed
# $time: when the last run started, relative ("5 minutes ago", a time-* message).
card-last-run = Last run { $time }

## The host platform's frame around the tab.

# $name: the signed-in user's name.
header-signed-in-as = Signed in as { $name }
header-sign-out = Sign out
# The platform's settings tabs.
header-tabs = Settings
header-tab-overview = Overview
header-tab-integrations = Integrations
header-tab-billing = Billing

## Times relative to now. $count: a whole number.

time-just-now = just now
time-minutes-ago =
    { $count ->
        [one] { $count } minute ago
       *[other] { $count } minutes ago
    }
time-hours-ago =
    { $count ->
        [one] { $count } hour ago
       *[other] { $count } hours ago
    }
time-days-ago =
    { $count ->
        [one] { $count } day ago
       *[other] { $count } days ago
    }
time-months-ago =
    { $count ->
        [one] { $count } month ago
       *[other] { $count } months ago
    }
time-years-ago =
    { $count ->
        [one] { $count } year ago
       *[other] { $count } years ago
    }

## How long a run took, in short units.

time-duration-seconds = { $seconds } s
time-duration-minutes = { $minutes } min
time-duration-hours = { $hours } h { $minutes } min

## A day. $day and $month_number are numbers, $month the month's date-month-* name and
## $year its four digits: "2. { $month } { $year }", "{ $year }年{ $month_number }月{ $day }日".

date-day = { $month } { $day }, { $year }
# The exact moment, shown on hover over a relative time ("5 minutes ago").
# $date: a date-day; $time: hours and minutes, 24-hour, UTC ("09:05").
date-time = { $date }, { $time } UTC
date-month-1 = Jan
date-month-2 = Feb
date-month-3 = Mar
date-month-4 = Apr
date-month-5 = May
date-month-6 = Jun
date-month-7 = Jul
date-month-8 = Aug
date-month-9 = Sep
date-month-10 = Oct
date-month-11 = Nov
date-month-12 = Dec

## Live updates refused (the response to the page's event stream).

# $count: how many tabs of the account already follow live updates.
refused-live-tabs =
    { $count ->
        [one] live updates are already open in { $count } tab of this account; close it to follow changes here
       *[other] live updates are already open in { $count } tabs of this account; close one to follow changes here
    }
refused-live-full = live updates are unavailable right now: the server has too many open

## Why the host app's sign-in link (an embed token) was refused, on the page that says so.
## Lowercase, without a full stop. Names in the token (exp, nbf, iat, aud, HS256,
## EMBED_SECRET, the claims) are the host developer's: keep them.

embed-error-missing = the link has no token; open the integrations tab from your account again
embed-error-not-configured = embedding is not configured on this server (EMBED_SECRET is unset)
embed-error-malformed = the token is malformed
embed-error-algorithm = the token must be signed with HS256
embed-error-signature = the token's signature is invalid
embed-error-expired = the token has expired; open the integrations tab from your account again
# $minutes: the longest a token may live.
embed-error-too-long = the token lives too long: exp may be at most { $minutes } minutes ahead
embed-error-not-yet-valid = the token is not valid yet (nbf or iat lies in the future)
embed-error-audience = the token is meant for another service (aud)
embed-error-replayed = this sign-in link was already used; open the integrations tab from your account again
embed-error-context = the integrations tab must be opened from the host app
embed-error-busy = too many sign-ins right now; please try again in a minute
embed-error-claim-iat = the token's claims are invalid: iat: required
embed-error-claim-jti = the token's claims are invalid: jti: 1 to 128 characters, required
# $problem: what is wrong with the customer id (a validation-identifier-* sentence).
embed-error-claim-sub = the token's claims are invalid: sub: { $problem }
embed-error-claim-name = the token's claims are invalid: name: at most 100 characters
# $problem: what is wrong with the address (a validation-email-* sentence).
embed-error-claim-email = the token's claims are invalid: email: { $problem }
embed-error-claim-role = the token's claims are invalid: role: one of admin, member or viewer
embed-error-claim-theme = the token's claims are invalid: theme: light or dark
embed-error-claim-brand = the token's claims are invalid: brand: #rgb or #rrggbb
embed-error-claim-locale = the token's claims are invalid: locale: a language tag such as de or ja-JP
# $seconds: the shortest session a token may ask for.
embed-error-claim-session-ttl = the token's claims are invalid: session_ttl: at least { $seconds } seconds

## The language switcher at the foot of each page.

# The label of the list of languages (each shown in its own language).
language-label = Language
# The button that reloads the page in the chosen language.
language-apply = Change
