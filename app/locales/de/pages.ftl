### The pages, rendered on the server only: none of these messages reaches the islands.

## The marketplace (/integrations)

integrations-page-title = Integrationen
integrations-page-heading = Integrationen
integrations-page-lead = Verbinden Sie die Tools, die Ihr Team bereits nutzt.
# The list of placeholder cards shown while the catalog loads (read by screen readers).
integrations-page-loading = Apps werden geladen

## An app's page (/integrations/{slug})

integration-breadcrumb = Brotkrümelnavigation
integration-breadcrumb-integrations = Integrationen
integration-unavailable-title = Integration nicht verfügbar
integration-back = Zurück zu den Integrationen
integration-no-address = Diese Integration hat keine Adresse.
# The alt text of the app's logo. $app: the app's name.
integration-logo = Logo von { $app }
# The label of the list of the app's categories.
integration-categories = Kategorien
integration-config-saved = Konfiguration gespeichert.
integration-config-created = Konfiguration erstellt.
integration-config-reset = Die Konfiguration wurde auf die Standardwerte der App zurückgesetzt.
integration-config-deleted = Die Konfiguration wurde gelöscht.
# After a named configuration was refused its name. The characters listed are the ones allowed, as typed.
integration-config-bad-name = Konfigurationsnamen bestehen aus Buchstaben, Ziffern und - _ . @ : (höchstens 64 Zeichen).
integration-config-unavailable = Der Integrationsdienst ist nicht verfügbar; es wurde nichts geändert. Versuchen Sie es gleich noch einmal.
# The banners after coming back from a connection. $app: the app's name.
integration-connected = { $app } ist verbunden.
integration-connect-incomplete = Die Verbindung mit { $app } konnte nicht hergestellt werden. Versuchen Sie es erneut.
integration-connect-unavailable = Der Verbindungsaufbau mit { $app } konnte nicht gestartet werden: Der Integrationsdienst ist nicht verfügbar. Versuchen Sie es gleich noch einmal.
integration-connect-denied = Verbindung abgebrochen: { $app } wurde kein Zugriff gewährt.
integration-disconnected = Die Verbindung mit { $app } wurde getrennt.
integration-disconnect-incomplete = { $app } ist weiterhin verbunden: Das Trennen wurde nicht abgeschlossen. Versuchen Sie es erneut.
integration-connection-heading = Verbindung
# How an account signs in to the app: with OAuth or with an API key.
integration-auth-oauth = OAuth
integration-auth-key = API-Schlüssel
# The label of the refused Connect and Reconnect buttons (a role that may not connect). $app: the app's name.
integration-connect-app = { $app } verbinden
integration-reconnect-app = { $app } erneut verbinden
# The label of the refused Disconnect button. $app: the app's name.
integration-disconnect-app = Verbindung mit { $app } trennen
# The table of the app's connected accounts.
integration-accounts-caption = Verbundene Konten
integration-accounts-account = Konto
integration-accounts-auth = Authentifizierung
integration-accounts-connected = Verbunden
integration-accounts-status = Status
# A connected account's status, in its badge.
integration-account-active = Aktiv
integration-account-expired = Abgelaufen

## The connection history of an app's page

history-link = Verbindungsverlauf
history-heading = Verbindungsverlauf
# $error: why, as a sentence fragment ending without a full stop.
history-failed = Der Verbindungsverlauf konnte nicht geladen werden: { $error }.
history-empty = In den letzten 30 Tagen ist bei dieser Verbindung nichts passiert.
history-footer = Neueste zuerst, letzte 30 Tage.
# After the event's time (when there is one): who did it. $name: the user's name.
history-by = {" "}· von { $name }
# The events of the history, one a line.
history-connected = Verbunden
history-reconnected = Erneut verbunden
# $reason: what the provider said, in its own words.
history-expired-because = Verbindung abgelaufen: { $reason }
history-expired = Verbindung abgelaufen
history-disconnected = Getrennt
history-settings-saved = Einstellungen gespeichert
history-settings-deleted = Einstellungen gelöscht
# $workflow: the workflow's name.
history-workflow-enabled = Workflow aktiviert: { $workflow }
history-workflow-enabled-unnamed = Workflow aktiviert
history-workflow-disabled = Workflow deaktiviert: { $workflow }
history-workflow-disabled-unnamed = Workflow deaktiviert

## The configuration section of an app's page

configuration-heading = Konfiguration
# The toggle of a workflow.
configuration-workflow-enabled = Aktiviert
# $name: the configuration's name, as its user typed it.
configuration-delete-warning = Dadurch wird die Konfiguration „{ $name }“ mit ihren Einstellungen und den Werten ihrer Workflows gelöscht.
configuration-reset-warning = Dadurch werden die gespeicherten Einstellungen und die Werte der Workflows gelöscht; danach gelten wieder die Standardwerte der App.
configuration-settings = Einstellungen
configuration-workflows = Workflows
configuration-save = Konfiguration speichern
# The disclosures that ask before deleting, and the buttons inside them.
configuration-delete-ask = Diese Konfiguration löschen…
configuration-reset-ask = Auf Standardwerte zurücksetzen…
configuration-delete = Konfiguration löschen
configuration-reset = Konfiguration zurücksetzen
# The default configuration, in the list of the account's configurations of the app.
configuration-default = Standard
configuration-list = Konfigurationen
configuration-new = Neue Konfiguration
# An example of a configuration's name, as a placeholder: only the letters A to Z, digits and - _ . @ : are allowed.
configuration-new-placeholder = produktion
# The characters a configuration's name may use, listed as typed.
configuration-new-rule = Buchstaben, Ziffern und - _ . @ :
configuration-create = Erstellen
# The empty choice of a select that has no placeholder of its own.
configuration-choose = Auswählen…
# The columns of a mapping field: the app's field, and the value it takes.
configuration-map-field = Feld
configuration-map-to = Zugeordnet zu
configuration-map-none = Nicht zugeordnet
# $kind: the field's type, as Cobalt names it.
configuration-unknown-field = Für den Typ dieses Felds ({ $kind }) gibt es hier noch keinen Editor: Geben Sie den Wert als Text ein.

## The Activity section of an app's page

activity-heading = Aktivität
activity-retried = Wiederholt: Dies ist die neue Ausführung.
activity-stopped = Die Ausführung wurde gestoppt.
activity-unchanged = Es wurde nichts unternommen: Nur eine fehlgeschlagene Ausführung kann wiederholt und nur eine laufende gestoppt werden.
activity-unavailable = Es wurde nichts wiederholt oder gestoppt: Der Integrationsdienst ist gerade nicht verfügbar. Versuchen Sie es gleich noch einmal.
# $error: why, as a sentence fragment ending without a full stop.
activity-runs-failed = Der Ausführungsverlauf konnte nicht geladen werden: { $error }.
activity-run-failed = Diese Ausführung konnte nicht geöffnet werden: { $error }.
# The label of the status filter, and its choices.
activity-filter-show = Anzeigen
activity-filter-all = Alle Ausführungen
activity-filter-failed = Fehlgeschlagene Ausführungen
activity-filter-running = Laufende Ausführungen
activity-filter-completed = Abgeschlossene Ausführungen
activity-filter-stopped = Gestoppte Ausführungen
activity-filter-apply = Anwenden
# A page past the last one; a link back to the first page follows.
activity-page-empty = Auf dieser Seite gibt es keine Ausführungen.{" "}
activity-page-first = Zurück zu den neuesten Ausführungen
# $app: the app's name.
activity-none = { $app } hat noch keinen Workflow ausgeführt.
activity-none-filtered = Keine Ausführungen entsprechen diesem Filter.
# In the Duration column, for a run not finished.
activity-duration-running = läuft
activity-view-run = Ausführung ansehen
# Read by screen readers right after "View run". $workflow: the workflow's name; $status: the run's status; $started: how long ago it started ("5 minutes ago").
activity-view-run-detail = : { $workflow }, { $status }, gestartet { $started }
# The caption of the table of runs. $app: the app's name.
activity-runs-caption = Workflow-Ausführungen von { $app }, neueste zuerst
activity-column-status = Status
activity-column-workflow = Workflow
activity-column-trigger = Auslöser
activity-column-started = Gestartet
activity-column-duration = Dauer
activity-column-details = Details
activity-pages = Seiten der Ausführungsliste
activity-newer = Neuere Ausführungen
# $page: this page's number; $pages: how many there are.
activity-page = Seite { $page } von { $pages }
activity-older = Ältere Ausführungen
# A failed step of a run. $attempts: how many times it was tried; $message: what the provider said, in its own words.
activity-step-failed =
    Nach { $attempts ->
        [one] { $attempts } Versuch
       *[other] { $attempts } Versuchen
    } fehlgeschlagen: { $message }
activity-step-failed-silent =
    Nach { $attempts ->
        [one] { $attempts } Versuch
       *[other] { $attempts } Versuchen
    } fehlgeschlagen: keine Meldung erhalten
# What the page says while a retry or a stop is sent, and when it fails (read by /activity.js).
activity-retrying = Wird wiederholt…
activity-stopping = Wird gestoppt…
activity-no-answer = Keine Antwort erhalten: Laden Sie die Seite neu, um zu sehen, ob die Aktion ausgeführt wurde.
activity-refused = Die Aktion wurde abgelehnt, es wurde nichts unternommen. Laden Sie die Seite neu, um den aktuellen Stand der Ausführung zu sehen.
activity-retry = Ausführung wiederholen
activity-stop = Ausführung stoppen
# The heading of an opened run. $workflow: the workflow's name; $status: the run's status.
activity-run-heading = { $workflow }: { $status }
# Between the run's status badge and the time it started ("5 minutes ago").
activity-run-started = {" "}Gestartet{" "}
activity-steps = Schritte
activity-close = Ausführung schließen

## /integrations/{slug}/disconnect, the confirmation without JavaScript ($app: the app's name)

disconnect-page-not-connected = { $app } ist nicht verbunden
disconnect-page-nothing = Es gibt keine Verbindung, die getrennt werden könnte.
disconnect-page-back = Zurück zu { $app }
# The heading when the user's role may not disconnect.
disconnect-page-stays = { $app } bleibt verbunden
disconnect-page-title = Verbindung mit { $app } trennen?
disconnect-page-unavailable = Es wurde nichts getrennt: Der Integrationsdienst ist gerade nicht verfügbar. Versuchen Sie es gleich noch einmal.
disconnect-page-cancel = Abbrechen
disconnect-page-confirm = Verbindung mit { $app } trennen

## The pages of the hand-off from the host app (/embed/…)

# Why the sign-in link was refused, when the server gave no reason.
embed-incomplete = der Link ist unvollständig
embed-refused-title = Integrationen können nicht geöffnet werden
embed-refused-heading = Wir konnten Ihre Integrationen nicht öffnen
# $reason: why, as a sentence fragment ending without a full stop.
embed-refused = Der Anmeldelink wurde abgelehnt: { $reason }.
embed-refused-advice = Kehren Sie zu der App zurück, von der Sie gekommen sind, und öffnen Sie den Tab „Integrationen“ erneut.
# Another account is signed in. $current: the name of the one signed in; $next: the name the link signs in as.
embed-switch-title = Konto wechseln?
embed-switch-heading = Als { $next } fortfahren?
embed-switch-current = Sie sind im Tab „Integrationen“ als { $current } angemeldet.
embed-switch-warning = Der geöffnete Link meldet Sie als { $next } an. Fahren Sie nur fort, wenn Sie das sind: Apps, die Sie verbinden, gehören dann zu diesem Konto.
embed-switch-continue = Als { $next } fortfahren
embed-switch-stay = Als { $current } angemeldet bleiben
embed-ended-heading = Ihre Sitzung ist beendet
embed-ended = Öffnen Sie den Tab „Integrationen“ erneut, um dort weiterzumachen, wo Sie aufgehört haben.
embed-cookies-heading = Ihr Browser hat die Anmeldung blockiert
embed-cookies = Dieser Tab hält Sie mit einem Cookie angemeldet, das nur innerhalb dieser Seite funktioniert, und Ihr Browser blockiert Cookies in eingebetteten Seiten anderer Websites. Erlauben Sie in den Einstellungen Ihres Browsers Drittanbieter-Cookies für diese Website und laden Sie die Seite anschließend neu.

## The 404 page

not-found-title = Seite nicht gefunden
not-found-heading = Seite nicht gefunden
not-found-body = Unter dieser Adresse ist nichts zu finden.
not-found-back = Zurück zu den Integrationen

## /signed-out

signed-out-title = Abgemeldet
signed-out-heading = Sie sind abgemeldet
# $platform: the name of the host app.
signed-out-body = Öffnen Sie den Tab „Integrationen“ in Ihrem Konto bei { $platform }, um fortzufahren.

## /signup

signup-title = Konto erstellen
# $platform: the name of the host app.
signup-heading = Willkommen bei { $platform }
signup-lead = Erstellen Sie Ihr Konto, um die Tools zu verbinden, die Ihr Team nutzt.
signup-name = Name
signup-email = Geschäftliche E-Mail-Adresse
signup-submit = Konto erstellen

## Answers of the server outside a page

server-signup-expired = Dieses Formular ist abgelaufen. Bitte prüfen Sie Ihre Angaben und senden Sie das Formular erneut ab.
server-signup-unavailable = Wir konnten Ihr Konto nicht erstellen, weil der Integrationsdienst nicht geantwortet hat. Es wurde nichts gespeichert; bitte versuchen Sie es erneut.
# Plain-text answers to a link or a form that leads nowhere.
server-config-missing = Diese Konfiguration existiert nicht.
server-run-missing = Diese Ausführung existiert nicht.
# $seconds: how long to wait.
server-too-many-requests =
    Zu viele Anfragen: Bitte warten Sie { $seconds ->
        [one] { $seconds } Sekunde
       *[other] { $seconds } Sekunden
    } und versuchen Sie es dann erneut.
# A link back from a consent page that names no app of the user's, or no page of the host.
server-back-refused = dieser Link führt nicht zurück zu einer App, die Sie nutzen
# Why the host app's link was refused, shown after "The sign-in link was refused:".
server-embed-unavailable = der Integrationsdienst hat nicht geantwortet; bitte versuchen Sie es erneut
# Sent to the host app when its fresh token belongs to another user.
server-embed-other-user = das Token gehört zu einem anderen Benutzer; öffnen Sie den Tab „Integrationen“ erneut
