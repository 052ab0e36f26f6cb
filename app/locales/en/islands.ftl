## The islands' sentences: the connect panel, the disconnect dialog, the marketplace's filters,
## the configuration editor, Retry, the live status and the theme switch. Every message here
## is also sent to the browser, where a selector cannot be resolved: sentences with a plural
## that the browser shows are rendered by the server for each count (see marketplace-count).
## $app is always an app's name, from Cobalt.

## Connecting an app, on its detail page.

connect-cancel = Cancel
# The credentials form's button, for an app not connected yet.
connect-submit = Connect { $app }
# The credentials form's button, for an app whose connection expired.
connect-submit-reconnect = Reconnect { $app }
# Heads the credentials form; required fields carry a * after their label.
connect-credentials-intro = Enter the credentials of your { $app } account. Fields marked * are required.
# The empty first choice of a list that has no placeholder of its own.
connect-choose = Choose…
# The Connect button while the attempt is under way.
connect-connecting = Connecting…
# A link that reloads the page, after the session ended.
connect-reload = Reload the page
# The title (and text) of the consent window while Cobalt's page loads in it.
connect-popup-title = Connecting to { $app }…
connect-waiting-popup = Waiting for { $app }… Finish in the window that opened.
# No window could be opened: the whole page goes to the provider's sign-in page.
connect-waiting-redirect = Waiting for { $app }… Taking you to the sign-in page…
connect-credentials-refused = { $app } did not accept these credentials.
connect-cancelled = Connection cancelled.
# The consent window is closed after 5 minutes.
connect-timed-out = Connection cancelled: the consent window was open for 5 minutes.
connect-connected = { $app } is connected.

## Disconnecting an app: the summary, the link and the dialog that asks first.

disconnect-summary = Disconnecting { $app } deletes its configurations, named ones included. You can connect it again later; its settings then start from the defaults.
disconnect-workflows-unknown = Its enabled workflows could not be listed just now; they stop too.
disconnect-workflows-none = No workflow is enabled in its default configuration.
# Heads the list of the enabled workflows that stop ($count of them, at least one).
disconnect-workflows-list = These enabled workflows (default configuration) stop:
disconnect-open = Disconnect…
disconnect-title = Disconnect { $app }?
disconnect-cancel = Cancel
disconnect-confirm = Disconnect { $app }
# The dialog's Disconnect button while the disconnect is under way.
disconnect-pending = Disconnecting…
# $reason: why, as the server says it (a phrase, starting in lower case).
disconnect-failed = Nothing was disconnected: { $reason }.

## The marketplace: search, status filter, category chips and the app grid.

# The category chip that shows every category.
marketplace-all = All
marketplace-search-label = Search integrations
marketplace-search-placeholder = Name, description or category
# Heads the status filter's choices.
marketplace-status = Status
marketplace-apply = Apply filters
# The name of the row of category chips, for screen readers.
marketplace-categories = Categories
# The name of the grid of app cards, for screen readers.
marketplace-apps = Apps
# How many apps the filters show. The server renders it for every count the page may show.
marketplace-count =
    { $count ->
        [one] { $count } app
       *[other] { $count } apps
    }
marketplace-empty = No apps match these filters.
marketplace-clear = Clear filters

## The configuration editor, as it checks and saves the form.

# Asked before leaving the page (or following a link) with changes not saved.
config-editor-leave = This configuration has changes that are not saved. Leave without saving them?
config-editor-saved = Configuration saved.
# The Save button while the save is under way.
config-editor-saving = Saving…
# Shown by a list whose choices are fetched; $reason is a sentence saying why they were not.
config-editor-options-failed = Its options could not be loaded: { $reason }
# $field: the label of a list whose choice was emptied because another field changed.
config-editor-cleared = { $field } was cleared: its choice does not fit the new selection.

## Retry, on a page that could not be loaded.

retry-label = Retry
retry-pending = Retrying…
# $reason: why, as the server says it (a phrase, starting in lower case).
retry-still-unavailable = Still unavailable: { $reason }.

## The detail page's live status: what to do after the connection changed in another tab.

live-connect = Connect { $app }
live-reconnect = Reconnect { $app }
live-reload = Reload the page

## The light/dark switch (a toggle button: pressed means dark).

theme-dark = Dark theme

## Why connecting failed, as Cobalt's browser library (cobalt-js) reports it.

cobalt-js-load-failed = Cobalt's connection library could not be loaded. Check your network and try again.
cobalt-js-session-expired = Your session expired. Reload the page to continue.
cobalt-js-network = Cobalt could not be reached. Check your network and try again.
# $detail: what the browser or cobalt-js reported, in English or code terms.
cobalt-js-unexpected = Something went wrong while connecting: { $detail }
# Stands for $detail above when the browser said nothing.
cobalt-js-unknown-error = unknown error
cobalt-js-too-many-requests = Cobalt is receiving too many requests. Wait a moment and try again.
cobalt-js-unavailable = Cobalt is having trouble right now. Try again in a moment.
# $status: the HTTP status code Cobalt answered with.
cobalt-js-refused = Cobalt refused the request (HTTP { $status }).
