## The islands' sentences: the connect panel, the disconnect dialog, the marketplace's filters,
## the configuration editor, Retry, the live status and the theme switch. Every message here
## is also sent to the browser, where a selector cannot be resolved: sentences with a plural
## that the browser shows are rendered by the server for each count (see marketplace-count).
## $app is always an app's name, from Cobalt.

## Connecting an app, on its detail page.

connect-cancel = Abbrechen
# The credentials form's button, for an app not connected yet.
connect-submit = { $app } verbinden
# The credentials form's button, for an app whose connection expired.
connect-submit-reconnect = { $app } erneut verbinden
# Heads the credentials form; required fields carry a * after their label.
connect-credentials-intro = Geben Sie die Zugangsdaten Ihres Kontos bei { $app } ein. Mit * markierte Felder sind Pflichtfelder.
# The empty first choice of a list that has no placeholder of its own.
connect-choose = Auswählen…
# The Connect button while the attempt is under way.
connect-connecting = Verbindung wird hergestellt…
# A link that reloads the page, after the session ended.
connect-reload = Seite neu laden
# The title (and text) of the consent window while Cobalt's page loads in it.
connect-popup-title = Verbindung mit { $app } wird hergestellt…
connect-waiting-popup = Warten auf { $app }… Schließen Sie den Vorgang im geöffneten Fenster ab.
# No window could be opened: the whole page goes to the provider's sign-in page.
connect-waiting-redirect = Warten auf { $app }… Sie werden zur Anmeldeseite weitergeleitet…
connect-credentials-refused = { $app } hat diese Zugangsdaten nicht akzeptiert.
connect-cancelled = Verbindung abgebrochen.
# The consent window is closed after 5 minutes.
connect-timed-out = Verbindung abgebrochen: Das Autorisierungsfenster war 5 Minuten lang geöffnet.
connect-connected = { $app } ist verbunden.

## Disconnecting an app: the summary, the link and the dialog that asks first.

disconnect-summary = Wenn Sie die Verbindung mit { $app } trennen, werden alle Konfigurationen dieser App gelöscht, auch die benannten. Sie können die App später erneut verbinden; dann gelten für ihre Einstellungen wieder die Standardwerte.
disconnect-workflows-unknown = Die aktivierten Workflows der App konnten gerade nicht abgerufen werden; auch sie werden gestoppt.
disconnect-workflows-none = In der Standardkonfiguration ist kein Workflow aktiviert.
# Heads the list of the enabled workflows that stop ($count of them, at least one).
disconnect-workflows-list = Diese aktivierten Workflows (Standardkonfiguration) werden gestoppt:
disconnect-open = Verbindung trennen…
disconnect-title = Verbindung mit { $app } trennen?
disconnect-cancel = Abbrechen
disconnect-confirm = Verbindung mit { $app } trennen
# The dialog's Disconnect button while the disconnect is under way.
disconnect-pending = Verbindung wird getrennt…
# $reason: why, as the server says it (a phrase, starting in lower case).
disconnect-failed = Es wurde nichts getrennt: { $reason }.

## The marketplace: search, status filter, category chips and the app grid.

# The category chip that shows every category.
marketplace-all = Alle
marketplace-search-label = Integrationen durchsuchen
marketplace-search-placeholder = Name, Beschreibung oder Kategorie
# Heads the status filter's choices.
marketplace-status = Status
marketplace-apply = Filter anwenden
# The name of the row of category chips, for screen readers.
marketplace-categories = Kategorien
# The name of the grid of app cards, for screen readers.
marketplace-apps = Apps
# How many apps the filters show. The server renders it for every count the page may show.
marketplace-count =
    { $count ->
        [one] { $count } App
       *[other] { $count } Apps
    }
marketplace-empty = Keine Apps entsprechen diesen Filtern.
marketplace-clear = Filter zurücksetzen

## The configuration editor, as it checks and saves the form.

# Asked before leaving the page (or following a link) with changes not saved.
config-editor-leave = Diese Konfiguration enthält nicht gespeicherte Änderungen. Möchten Sie die Seite verlassen, ohne sie zu speichern?
config-editor-saved = Konfiguration gespeichert.
# The Save button while the save is under way.
config-editor-saving = Wird gespeichert…
# Shown by a list whose choices are fetched; $reason is a sentence saying why they were not.
config-editor-options-failed = Die Optionen konnten nicht geladen werden: { $reason }
# $field: the label of a list whose choice was emptied because another field changed.
config-editor-cleared = Das Feld „{ $field }“ wurde geleert: Der gewählte Wert passt nicht zur neuen Auswahl.

## Retry, on a page that could not be loaded.

retry-label = Erneut versuchen
retry-pending = Wird erneut versucht…
# $reason: why, as the server says it (a phrase, starting in lower case).
retry-still-unavailable = Weiterhin nicht verfügbar: { $reason }.

## The detail page's live status: what to do after the connection changed in another tab.

live-connect = { $app } verbinden
live-reconnect = { $app } erneut verbinden
live-reload = Seite neu laden

## The light/dark switch (a toggle button: pressed means dark).

theme-dark = Dunkles Design

## Why connecting failed, as Cobalt's browser library (cobalt-js) reports it.

cobalt-js-load-failed = Die Verbindungsbibliothek von Cobalt konnte nicht geladen werden. Prüfen Sie Ihre Netzwerkverbindung und versuchen Sie es erneut.
cobalt-js-session-expired = Ihre Sitzung ist abgelaufen. Laden Sie die Seite neu, um fortzufahren.
cobalt-js-network = Cobalt ist nicht erreichbar. Prüfen Sie Ihre Netzwerkverbindung und versuchen Sie es erneut.
# $detail: what the browser or cobalt-js reported, in English or code terms.
cobalt-js-unexpected = Beim Verbinden ist ein Fehler aufgetreten: { $detail }
# Stands for $detail above when the browser said nothing.
cobalt-js-unknown-error = unbekannter Fehler
cobalt-js-too-many-requests = Cobalt erhält zu viele Anfragen. Warten Sie einen Moment und versuchen Sie es erneut.
cobalt-js-unavailable = Bei Cobalt gibt es gerade Probleme. Versuchen Sie es gleich noch einmal.
# $status: the HTTP status code Cobalt answered with.
cobalt-js-refused = Cobalt hat die Anfrage abgelehnt (HTTP { $status }).
