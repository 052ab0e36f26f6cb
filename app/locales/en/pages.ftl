### The pages, rendered on the server only: none of these messages reaches the islands.

## The marketplace (/integrations)

integrations-page-title = Integrations
integrations-page-heading = Integrations
integrations-page-lead = Connect the tools your team already uses.
# The list of placeholder cards shown while the catalog loads (read by screen readers).
integrations-page-loading = Loading apps

## An app's page (/integrations/{slug})

integration-breadcrumb = Breadcrumb
integration-breadcrumb-integrations = Integrations
integration-unavailable-title = Integration not available
integration-back = Back to integrations
integration-no-address = This integration has no address.
# The alt text of the app's logo. $app: the app's name.
integration-logo = { $app } logo
# The label of the list of the app's categories.
integration-categories = Categories
integration-config-saved = Configuration saved.
integration-config-created = Configuration created.
integration-config-reset = The configuration is back to the app's defaults.
integration-config-deleted = The configuration was deleted.
# After a named configuration was refused its name. The characters listed are the ones allowed, as typed.
integration-config-bad-name = Configuration names use letters, digits and - _ . @ : (up to 64 characters).
integration-config-unavailable = The integrations service is unavailable; nothing was changed. Try again in a moment.
# The banners after coming back from a connection. $app: the app's name.
integration-connected = { $app } is connected.
integration-connect-incomplete = The connection to { $app } did not complete. Try again.
integration-connect-unavailable = The connection to { $app } could not start: the integrations service is unavailable. Try again in a moment.
integration-connect-denied = Connection cancelled: { $app } was not given access.
integration-disconnected = { $app } is disconnected.
integration-disconnect-incomplete = { $app } is still connected: the disconnect did not complete. Try again.
integration-connection-heading = Connection
# How an account signs in to the app: with OAuth or with an API key.
integration-auth-oauth = OAuth
integration-auth-key = API key
# The label of the refused Connect and Reconnect buttons (a role that may not connect). $app: the app's name.
integration-connect-app = Connect { $app }
integration-reconnect-app = Reconnect { $app }
# The label of the refused Disconnect button. $app: the app's name.
integration-disconnect-app = Disconnect { $app }
# The table of the app's connected accounts.
integration-accounts-caption = Connected accounts
integration-accounts-account = Account
integration-accounts-auth = Auth
integration-accounts-connected = Connected
integration-accounts-status = Status
# A connected account's status, in its badge.
integration-account-active = active
integration-account-expired = expired

## The connection history of an app's page

history-link = Connection history
history-heading = Connection history
# $error: why, as a sentence fragment ending without a full stop.
history-failed = The connection history could not be loaded: { $error }.
history-empty = Nothing happened to this connection in the last 30 days.
history-footer = Newest first, last 30 days.
# After the event's time (when there is one): who did it. $name: the user's name.
history-by = {" "}· by { $name }
# The events of the history, one a line.
history-connected = Connected
history-reconnected = Reconnected
# $reason: what the provider said, in its own words.
history-expired-because = Connection expired: { $reason }
history-expired = Connection expired
history-disconnected = Disconnected
history-settings-saved = Settings saved
history-settings-deleted = Settings deleted
# $workflow: the workflow's name.
history-workflow-enabled = Workflow turned on: { $workflow }
history-workflow-enabled-unnamed = Workflow turned on: a workflow
history-workflow-disabled = Workflow turned off: { $workflow }
history-workflow-disabled-unnamed = Workflow turned off: a workflow

## The configuration section of an app's page

configuration-heading = Configuration
# The toggle of a workflow.
configuration-workflow-enabled = Enabled
# $name: the configuration's name, as its user typed it.
configuration-delete-warning = This deletes the configuration “{ $name }”: its settings and its workflows' values.
configuration-reset-warning = This deletes the saved settings and workflows' values; the app's defaults come back.
configuration-settings = Settings
configuration-workflows = Workflows
configuration-save = Save configuration
# The disclosures that ask before deleting, and the buttons inside them.
configuration-delete-ask = Delete this configuration…
configuration-reset-ask = Reset to defaults…
configuration-delete = Delete configuration
configuration-reset = Reset configuration
# The default configuration, in the list of the account's configurations of the app.
configuration-default = Default
configuration-list = Configurations
configuration-new = New configuration
# An example of a configuration's name, as a placeholder: only the letters A to Z, digits and - _ . @ : are allowed.
configuration-new-placeholder = production
# The characters a configuration's name may use, listed as typed.
configuration-new-rule = Letters, digits and - _ . @ :
configuration-create = Create
# The empty choice of a select that has no placeholder of its own.
configuration-choose = Choose…
# The columns of a mapping field: the app's field, and the value it takes.
configuration-map-field = Field
configuration-map-to = Maps to
configuration-map-none = Not mapped
# $kind: the field's type, as Cobalt names it.
configuration-unknown-field = This field's type ({ $kind }) has no editor here yet: enter its value as text.

## The Activity section of an app's page

activity-heading = Activity
activity-retried = Retried: this is the new run.
activity-stopped = The run was stopped.
activity-unchanged = Nothing was done: only a failed run can be retried, and only a running one stopped.
activity-unavailable = Nothing was retried or stopped: the integrations service is unavailable right now. Try again in a moment.
# $error: why, as a sentence fragment ending without a full stop.
activity-runs-failed = The run history could not be loaded: { $error }.
activity-run-failed = That run could not be opened: { $error }.
# The label of the status filter, and its choices.
activity-filter-show = Show
activity-filter-all = All runs
activity-filter-failed = Failed runs
activity-filter-running = Running runs
activity-filter-completed = Completed runs
activity-filter-stopped = Stopped runs
activity-filter-apply = Apply
# A page past the last one; a link back to the first page follows.
activity-page-empty = No runs on this page.{" "}
activity-page-first = Back to the newest runs
# $app: the app's name.
activity-none = { $app } has not run any workflow yet.
activity-none-filtered = No runs match this filter.
# In the Duration column, for a run not finished.
activity-duration-running = running
activity-view-run = View run
# Read by screen readers right after "View run". $workflow: the workflow's name; $status: the run's status; $started: how long ago it started ("5 minutes ago").
activity-view-run-detail = : { $workflow }, { $status }, started { $started }
# The caption of the table of runs. $app: the app's name.
activity-runs-caption = Workflow runs of { $app }, newest first
activity-column-status = Status
activity-column-workflow = Workflow
activity-column-trigger = Trigger
activity-column-started = Started
activity-column-duration = Duration
activity-column-details = Details
activity-pages = Run pages
activity-newer = Newer runs
# $page: this page's number; $pages: how many there are.
activity-page = Page { $page } of { $pages }
activity-older = Older runs
# A failed step of a run. $attempts: how many times it was tried; $message: what the provider said, in its own words.
activity-step-failed =
    Failed after { $attempts ->
        [one] { $attempts } attempt
       *[other] { $attempts } attempts
    }: { $message }
activity-step-failed-silent =
    Failed after { $attempts ->
        [one] { $attempts } attempt
       *[other] { $attempts } attempts
    }: no message was given
# What the page says while a retry or a stop is sent, and when it fails (read by /activity.js).
activity-retrying = Retrying…
activity-stopping = Stopping…
activity-no-answer = No answer came back: reload the page to see whether it was done.
activity-refused = That was refused, and nothing was done: reload the page to see the run as it is now.
activity-retry = Retry run
activity-stop = Stop run
# The heading of an opened run. $workflow: the workflow's name; $status: the run's status.
activity-run-heading = { $workflow }: { $status }
# Between the run's status badge and the time it started ("5 minutes ago").
activity-run-started = {" "}Started{" "}
activity-steps = Steps
activity-close = Close run

## /integrations/{slug}/disconnect, the confirmation without JavaScript ($app: the app's name)

disconnect-page-not-connected = { $app } is not connected
disconnect-page-nothing = There is nothing to disconnect.
disconnect-page-back = Back to { $app }
# The heading when the user's role may not disconnect.
disconnect-page-stays = { $app } stays connected
disconnect-page-title = Disconnect { $app }?
disconnect-page-unavailable = Nothing was disconnected: the integrations service is unavailable right now. Try again in a moment.
disconnect-page-cancel = Cancel
disconnect-page-confirm = Disconnect { $app }

## The pages of the hand-off from the host app (/embed/…)

# Why the sign-in link was refused, when the server gave no reason.
embed-incomplete = the link is incomplete
embed-refused-title = Cannot open integrations
embed-refused-heading = We could not open your integrations
# $reason: why, as a sentence fragment ending without a full stop.
embed-refused = The sign-in link was refused: { $reason }.
embed-refused-advice = Go back to the app you came from and open the Integrations tab again.
# Another account is signed in. $current: the name of the one signed in; $next: the name the link signs in as.
embed-switch-title = Switch account?
embed-switch-heading = Continue as { $next }?
embed-switch-current = You are signed in to the integrations tab as { $current }.
embed-switch-warning = The link you opened signs in as { $next }. Continue only if that is you: apps you connect will belong to that account.
embed-switch-continue = Continue as { $next }
embed-switch-stay = Stay as { $current }
embed-ended-heading = Your session has ended
embed-ended = Open the Integrations tab again to continue where you were.
embed-cookies-heading = Your browser blocked the sign-in
embed-cookies = This tab keeps you signed in with a cookie that works only inside this page, and your browser blocks cookies in embedded pages of other sites. Allow third-party cookies for this site in your browser's settings, then reload the page.

## The 404 page

not-found-title = Page not found
not-found-heading = Page not found
not-found-body = There is nothing at this address.
not-found-back = Back to integrations

## /signed-out

signed-out-title = Signed out
signed-out-heading = You are signed out
# $platform: the name of the host app.
signed-out-body = Open the Integrations tab from your { $platform } account to continue.

## /signup

signup-title = Create your account
# $platform: the name of the host app.
signup-heading = Welcome to { $platform }
signup-lead = Create your account to connect the tools your team uses.
signup-name = Name
signup-email = Work email
signup-submit = Create account

## Answers of the server outside a page

server-signup-expired = This form has expired. Please check your details and submit again.
server-signup-unavailable = We could not create your account because the integrations service did not answer. Nothing was saved; please try again.
# Plain-text answers to a link or a form that leads nowhere.
server-config-missing = That configuration does not exist.
server-run-missing = That run does not exist.
# $seconds: how long to wait.
server-too-many-requests =
    Too many requests: please wait { $seconds ->
        [one] { $seconds } second
       *[other] { $seconds } seconds
    } and try again.
# A link back from a consent page that names no app of the user's, or no page of the host.
server-back-refused = this link does not lead back to an app you use
# Why the host app's link was refused, shown after "The sign-in link was refused:".
server-embed-unavailable = the integrations service did not answer; please try again
# Sent to the host app when its fresh token belongs to another user.
server-embed-other-user = the token names another user; open the integrations tab again
