### Sentences of the shared model and the errors that the islands show too: the browser reads
### them from the page's table (see app/src/i18n.rs), where each variable is filled in by plain
### replacement. A selector (plural) cannot be resolved there: the browser uses its default
### variant, so the server renders a plural sentence here for each count an island needs, and
### the default variant is only a fallback.

## Errors. Lowercase and without a full stop: they also end other sentences
## (config-form-not-saved).

error-unauthorized = Ihre Sitzung ist beendet; bitte melden Sie sich erneut an
error-forbidden = diese Anfrage wurde abgelehnt, weil sie nicht von dieser Website stammt
# $seconds: a whole number. The browser cannot choose a plural form: word it so that the
# number needs none.
error-rate-limited = zu viele Anfragen: Bitte warten Sie { $seconds } Sek. und versuchen Sie es dann erneut
# $seconds: as in error-rate-limited.
error-busy = der Integrationsdienst ist ausgelastet: Bitte versuchen Sie es in { $seconds } Sek. erneut
error-upstream = der Integrationsdienst ist gerade nicht verfügbar; bitte versuchen Sie es erneut
error-internal = bei uns ist ein Fehler aufgetreten
# $detail: the web framework's own account of the failure (English, technical).
error-request-failed = Anfrage fehlgeschlagen: { $detail }

## What an app's page says of its connection; live updates change it in the browser.

status-connected = Verbunden
status-needs-setup = Verbunden. Schließen Sie unten die Einrichtung ab, um mit der Synchronisierung zu beginnen.
status-needs-reconnect = Die Verbindung ist abgelaufen: Verbinden Sie die App erneut, um die Synchronisierung fortzusetzen.
status-available = Nicht verbunden

## Announced to screen readers when an app's status changes elsewhere (another tab, the
## provider). $app: the app's name.

status-now-connected = { $app } ist jetzt verbunden.
status-now-needs-setup = { $app } ist verbunden: Schließen Sie die Einrichtung ab, um mit der Synchronisierung zu beginnen.
status-now-needs-reconnect = Die Verbindung mit { $app } ist abgelaufen: Verbinden Sie die App erneut, um die Synchronisierung fortzusetzen.
status-now-disconnected = Die Verbindung mit { $app } wurde getrennt.

## An app's status badge (marketplace card, app page). An available app has none.

card-badge-connected = Verbunden
card-badge-setup = Einrichtung unvollständig
card-badge-reconnect = Verbindung abgelaufen

## An app's main button (marketplace card, app page), then its accessible name, which says
## which app it acts on. $app: the app's name.

card-connect = Verbinden
# QuickBooks' branded button: use Intuit's wording for the language, if it has one.
card-connect-quickbooks = Mit QuickBooks verbinden
card-reconnect = Erneut verbinden
card-finish-setup = Einrichtung abschließen
card-manage = Verwalten
card-connect-app = { $app } verbinden
card-reconnect-app = { $app } erneut verbinden
card-finish-setup-app = { $app }: Einrichtung abschließen
card-manage-app = { $app } verwalten

## What is wrong with a form field, shown by the field as the user types and after a save.
## $label: the field's name, as the app labels it.

validation-required = „{ $label }“ ist ein Pflichtfeld.
validation-number = „{ $label }“ muss eine Zahl sein.
validation-email = „{ $label }“ muss eine E-Mail-Adresse sein, z. B. name@example.com.
validation-url = „{ $label }“ muss eine Webadresse sein, die mit https:// beginnt.
validation-date = „{ $label }“ muss ein Datum sein (JJJJ-MM-TT).
# $error: the JSON reader's own account of the problem (English, technical).
validation-json = „{ $label }“ ist kein gültiges JSON: { $error }.
validation-option = Wählen Sie für „{ $label }“ eine der Optionen aus.

## An app's credentials form: a required field left empty. $label: as above.

connect-form-choose = Wählen Sie einen Wert für „{ $label }“ aus.
connect-form-enter = Geben Sie einen Wert für „{ $label }“ ein.

## The configuration form.

# A password field's placeholder when a value is stored (which is never shown).
config-form-secret-kept = Gespeichert; leer lassen, um den Wert beizubehalten
# $error: why, one of the error sentences.
config-form-not-saved = Es wurde nichts gespeichert: { $error }.
# The form's alert after a refused save. $count: how many fields to fix (1 or more).
config-form-problems =
    { $count ->
        [one] { $count } Feld muss überprüft werden; es wurde nichts gespeichert.
       *[other] { $count } Felder müssen überprüft werden; es wurde nichts gespeichert.
    }
