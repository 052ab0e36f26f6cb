### Sentences of the shared model and the errors that the islands show too: the browser reads
### them from the page's table (see app/src/i18n.rs), where each variable is filled in by plain
### replacement. A selector (plural) cannot be resolved there: the browser uses its default
### variant, so the server renders a plural sentence here for each count an island needs, and
### the default variant is only a fallback.

## Errors. Lowercase and without a full stop: they also end other sentences
## (config-form-not-saved).

error-unauthorized = your session has ended; please sign in again
error-forbidden = this request was refused because it did not come from this site
# $seconds: a whole number. The browser cannot choose a plural form: word it so that the
# number needs none.
error-rate-limited = too many requests: please wait { $seconds } seconds and try again
# $seconds: as in error-rate-limited.
error-busy = the integrations service is busy: please try again in { $seconds } seconds
error-upstream = the integrations service is unavailable right now; please try again
error-internal = something went wrong on our side
# $detail: the web framework's own account of the failure (English, technical).
error-request-failed = request failed: { $detail }

## What an app's page says of its connection; live updates change it in the browser.

status-connected = Connected
status-needs-setup = Connected. Finish the setup below to start syncing.
status-needs-reconnect = The connection expired: reconnect to resume syncing.
status-available = Not connected

## Announced to screen readers when an app's status changes elsewhere (another tab, the
## provider). $app: the app's name.

status-now-connected = { $app } is now connected.
status-now-needs-setup = { $app } is connected: finish its setup to start syncing.
status-now-needs-reconnect = { $app }'s connection expired: reconnect to resume syncing.
status-now-disconnected = { $app } was disconnected.

## An app's status badge (marketplace card, app page). An available app has none.

card-badge-connected = Connected
card-badge-setup = Finish setup
card-badge-reconnect = Needs reconnect

## An app's main button (marketplace card, app page), then its accessible name, which says
## which app it acts on. $app: the app's name. The accessible name must contain the button's
## words in the same order (WCAG "label in name": speech users say what they see).

card-connect = Connect
# QuickBooks' branded button: use Intuit's wording for the language, if it has one.
card-connect-quickbooks = Connect to QuickBooks
card-reconnect = Reconnect
card-finish-setup = Finish setup
card-manage = Manage
card-connect-app = Connect { $app }
card-reconnect-app = Reconnect { $app }
card-finish-setup-app = Finish setup { $app }
card-manage-app = Manage { $app }

## What is wrong with a form field, shown by the field as the user types and after a save.
## $label: the field's name, as the app labels it.

validation-required = { $label } is required.
validation-number = { $label } must be a number.
validation-email = { $label } must be an email address, like name@example.com.
validation-url = { $label } must be a web address starting with https://.
validation-date = { $label } must be a date (YYYY-MM-DD).
# $error: the JSON reader's own account of the problem (English, technical).
validation-json = { $label } is not valid JSON: { $error }.
validation-option = Choose one of the options for { $label }.

## An app's credentials form: a required field left empty. $label: as above.

connect-form-choose = Choose { $label }.
connect-form-enter = Enter { $label }.

## The configuration form.

# A password field's placeholder when a value is stored (which is never shown).
config-form-secret-kept = Saved; leave empty to keep it
# $error: why, one of the error sentences.
config-form-not-saved = Nothing was saved: { $error }.
# The form's alert after a refused save. $count: how many fields to fix (1 or more).
config-form-problems =
    { $count ->
        [one] { $count } field needs your attention; nothing was saved.
       *[other] { $count } fields need your attention; nothing was saved.
    }
