### Server-only sentences of the shared model, the errors and the server: formatted on the
### server, in the language of the page (or of the request), never by the browser's own code.

## Errors: what was not found. Lowercase and without a full stop, like every error.

error-not-found-integration = diese Integration wurde nicht gefunden
# $slug: the app's name as the address spells it.
error-not-found-app = die Integration „{ $slug }“ wurde nicht gefunden
error-not-found-configuration = diese Konfiguration wurde nicht gefunden
error-not-found-field = dieses Feld wurde nicht gefunden
error-not-found-run = diese Ausführung wurde nicht gefunden

## Identifiers in addresses and requests. $what says which: customer (the account's id),
## app (its name in the address), configuration (a named configuration's name) or field.

validation-identifier-required =
    { $what ->
        [customer] die Kunden-ID ist erforderlich
        [configuration] der Konfigurationsname ist erforderlich
        [field] die Feld-ID ist erforderlich
       *[app] der App-Name ist erforderlich
    }
# $max: a number of characters.
validation-identifier-too-long =
    { $what ->
        [customer] die Kunden-ID darf höchstens { $max } Zeichen lang sein
        [configuration] der Konfigurationsname darf höchstens { $max } Zeichen lang sein
        [field] die Feld-ID darf höchstens { $max } Zeichen lang sein
       *[app] der App-Name darf höchstens { $max } Zeichen lang sein
    }
# $character: the character, quoted ('/').
validation-identifier-character =
    { $what ->
        [customer] die Kunden-ID darf das Zeichen { $character } nicht enthalten
        [configuration] der Konfigurationsname darf das Zeichen { $character } nicht enthalten
        [field] die Feld-ID darf das Zeichen { $character } nicht enthalten
       *[app] der App-Name darf das Zeichen { $character } nicht enthalten
    }
validation-identifier-dot =
    { $what ->
        [customer] die Kunden-ID darf nicht mit einem Punkt beginnen
       *[configuration] der Konfigurationsname darf nicht mit einem Punkt beginnen
    }
validation-slug-lowercase = der App-Name in der Adresse muss kleingeschrieben sein

## The sign-up form.

validation-name-required = Bitte geben Sie Ihren Namen ein.
# $max: a number of characters.
validation-name-too-long = Ihr Name darf höchstens { $max } Zeichen lang sein.
validation-name-control = Ihr Name darf keine Steuerzeichen enthalten.
validation-email-required = Bitte geben Sie Ihre E-Mail-Adresse ein.
validation-email-invalid = Bitte geben Sie eine gültige E-Mail-Adresse ein, z. B. name@example.com.

## The configuration form, checked on the server.

validation-form-too-many = das Formular enthält zu viele Werte
# $field: the field's name in the form.
validation-value-too-large = der Wert des Felds „{ $field }“ ist zu groß
# A row of a mapping setting. $label: the row; $field: the setting.
validation-map-option = Wählen Sie für „{ $label }“ in „{ $field }“ eine der Optionen aus.
# $label: the field's name; $min: a number, written as the language writes decimals.
validation-at-least = „{ $label }“ muss mindestens { $min } betragen.
# $label: the field's name; $max: a number, written as the language writes decimals.
validation-at-most = „{ $label }“ darf höchstens { $max } betragen.
validation-config-name-taken = Dieser Name ist bereits für die Standardkonfiguration vergeben; wählen Sie einen anderen.
# $max: how many named configurations an app may have.
validation-config-limit =
    { $max ->
        [one] Eine App kann höchstens { $max } benannte Konfiguration haben; löschen Sie zuerst eine.
       *[other] Eine App kann höchstens { $max } benannte Konfigurationen haben; löschen Sie zuerst eine.
    }
# Shown as a field's problem when its choices could not be fetched.
config-form-options-unavailable = Die Optionen konnten nicht geladen werden; versuchen Sie es gleich noch einmal.

## Workflow runs (Retry, Stop). Lowercase, without a full stop: error sentences.

validation-run-not-failed = nur eine fehlgeschlagene Ausführung kann wiederholt werden
validation-run-ended = die Ausführung war bereits beendet

## An app's credentials form.

# $app: the app's name.
connect-form-not-accepted = { $app } hat diese Zugangsdaten nicht akzeptiert.

## Why the user's role (given by the host app) does not allow a change. Without a full stop:
## they are also error sentences; role-refusal-sentence makes one a sentence of its own.

role-member-disconnect = Nur Administratoren Ihres Kontos können die Verbindung einer App trennen
role-viewer-connect = Sie haben die Rolle „Betrachter“: Sie können diese App sehen, aber nur Administratoren oder Mitglieder Ihres Kontos können sie verbinden
role-viewer-configure = Sie haben die Rolle „Betrachter“: Sie können diese Einstellungen sehen, aber nur Administratoren oder Mitglieder Ihres Kontos können sie ändern
role-viewer-disconnect = Sie haben die Rolle „Betrachter“: Sie können diese Verbindung sehen, aber nur Administratoren Ihres Kontos können sie trennen
role-viewer-run = Sie haben die Rolle „Betrachter“: Sie können diese Ausführungen sehen, aber nur Administratoren oder Mitglieder Ihres Kontos können sie wiederholen oder stoppen
# $reason: one of the role-* sentences above.
role-refusal-sentence = { $reason }.

## A workflow run's status (Activity).

status-run-completed = Abgeschlossen
status-run-running = Läuft
status-run-stopping = Wird gestoppt
status-run-failed = Fehlgeschlagen
status-run-timed-out = Zeitlimit überschritten
status-run-stopped = Gestoppt
status-run-unknown = Unbekannt

# A connected account for which the provider gives no name.
status-account-unnamed = Konto

## The marketplace's status filter, and its banner.

filter-status-all = Alle
filter-status-connected = Verbunden
filter-status-attention = Aktion erforderlich
filter-status-available = Verfügbar
# A link to the apps that need attention (expired, setup unfinished, last run failed).
filter-attention =
    { $count ->
        [one] Bei { $count } Integration ist eine Aktion erforderlich
       *[other] Bei { $count } Integrationen ist eine Aktion erforderlich
    }

## A marketplace card.

# The app's logo. $app: the app's name.
card-logo-alt = Logo von { $app }
# The list of the app's categories.
card-categories = Kategorien
card-last-run-failed = Letzte Ausführung fehlgeschlagen
# $time: when the last run started, relative ("5 minutes ago", a time-* message).
card-last-run = Letzte Ausführung { $time }

## The host platform's frame around the tab.

# $name: the signed-in user's name.
header-signed-in-as = Angemeldet als { $name }
header-sign-out = Abmelden
# The platform's settings tabs.
header-tabs = Einstellungen
header-tab-overview = Übersicht
header-tab-integrations = Integrationen
header-tab-billing = Abrechnung

## Times relative to now. $count: a whole number.

time-just-now = gerade eben
time-minutes-ago =
    { $count ->
        [one] vor { $count } Minute
       *[other] vor { $count } Minuten
    }
time-hours-ago =
    { $count ->
        [one] vor { $count } Stunde
       *[other] vor { $count } Stunden
    }
time-days-ago =
    { $count ->
        [one] vor { $count } Tag
       *[other] vor { $count } Tagen
    }
time-months-ago =
    { $count ->
        [one] vor { $count } Monat
       *[other] vor { $count } Monaten
    }
time-years-ago =
    { $count ->
        [one] vor { $count } Jahr
       *[other] vor { $count } Jahren
    }

## How long a run took, in short units.

time-duration-seconds = { $seconds } s
time-duration-minutes = { $minutes } min
time-duration-hours = { $hours } h { $minutes } min

## A day. $day and $month_number are numbers, $month the month's date-month-* name and
## $year its four digits: "2. { $month } { $year }", "{ $year }年{ $month_number }月{ $day }日".

date-day = { $day }. { $month } { $year }
date-time = { $date }, { $time } UTC
date-month-1 = Jan.
date-month-2 = Feb.
date-month-3 = März
date-month-4 = Apr.
date-month-5 = Mai
date-month-6 = Juni
date-month-7 = Juli
date-month-8 = Aug.
date-month-9 = Sept.
date-month-10 = Okt.
date-month-11 = Nov.
date-month-12 = Dez.

## Live updates refused (the response to the page's event stream).

# $count: how many tabs of the account already follow live updates.
refused-live-tabs =
    { $count ->
        [one] Live-Updates sind für dieses Konto bereits in { $count } Tab geöffnet; schließen Sie ihn, um Änderungen hier zu verfolgen
       *[other] Live-Updates sind für dieses Konto bereits in { $count } Tabs geöffnet; schließen Sie einen davon, um Änderungen hier zu verfolgen
    }
refused-live-full = Live-Updates sind gerade nicht verfügbar: Der Server hat bereits zu viele offene Verbindungen

## Why the host app's sign-in link (an embed token) was refused, on the page that says so.
## Lowercase, without a full stop. Names in the token (exp, nbf, iat, aud, HS256,
## EMBED_SECRET, the claims) are the host developer's: keep them.

embed-error-missing = der Link enthält kein Token; öffnen Sie den Tab „Integrationen“ erneut über Ihr Konto
embed-error-not-configured = das Einbetten ist auf diesem Server nicht eingerichtet (EMBED_SECRET ist nicht gesetzt)
embed-error-malformed = das Token ist fehlerhaft
embed-error-algorithm = das Token muss mit HS256 signiert sein
embed-error-signature = die Signatur des Tokens ist ungültig
embed-error-expired = das Token ist abgelaufen; öffnen Sie den Tab „Integrationen“ erneut über Ihr Konto
# $minutes: the longest a token may live.
embed-error-too-long =
    { $minutes ->
        [one] das Token ist zu lange gültig: exp darf höchstens { $minutes } Minute in der Zukunft liegen
       *[other] das Token ist zu lange gültig: exp darf höchstens { $minutes } Minuten in der Zukunft liegen
    }
embed-error-not-yet-valid = das Token ist noch nicht gültig (nbf oder iat liegt in der Zukunft)
embed-error-audience = das Token ist für einen anderen Dienst bestimmt (aud)
embed-error-replayed = dieser Anmeldelink wurde bereits verwendet; öffnen Sie den Tab „Integrationen“ erneut über Ihr Konto
embed-error-context = der Tab „Integrationen“ muss aus der App heraus geöffnet werden, in die er eingebettet ist
embed-error-busy = gerade gibt es zu viele Anmeldungen; bitte versuchen Sie es in einer Minute erneut
embed-error-claim-iat = die Claims des Tokens sind ungültig: iat: erforderlich
embed-error-claim-jti = die Claims des Tokens sind ungültig: jti: 1 bis 128 Zeichen, erforderlich
# $problem: what is wrong with the customer id (a validation-identifier-* sentence).
embed-error-claim-sub = die Claims des Tokens sind ungültig: sub: { $problem }
embed-error-claim-name = die Claims des Tokens sind ungültig: name: höchstens 100 Zeichen
# $problem: what is wrong with the address (a validation-email-* sentence).
embed-error-claim-email = die Claims des Tokens sind ungültig: email: { $problem }
embed-error-claim-role = die Claims des Tokens sind ungültig: role: admin, member oder viewer
embed-error-claim-theme = die Claims des Tokens sind ungültig: theme: light oder dark
embed-error-claim-brand = die Claims des Tokens sind ungültig: brand: #rgb oder #rrggbb
embed-error-claim-locale = die Claims des Tokens sind ungültig: locale: ein Sprach-Tag wie de oder ja-JP
# $seconds: the shortest session a token may ask for.
embed-error-claim-session-ttl =
    { $seconds ->
        [one] die Claims des Tokens sind ungültig: session_ttl: mindestens { $seconds } Sekunde
       *[other] die Claims des Tokens sind ungültig: session_ttl: mindestens { $seconds } Sekunden
    }

## The language switcher at the foot of each page.

# The label of the list of languages (each shown in its own language).
language-label = Sprache
# The button that reloads the page in the chosen language.
language-apply = Wechseln
