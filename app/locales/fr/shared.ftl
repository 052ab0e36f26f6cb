### Sentences of the shared model and the errors that the islands show too: the browser reads
### them from the page's table (see app/src/i18n.rs), where each variable is filled in by plain
### replacement. A selector (plural) cannot be resolved there: the browser uses its default
### variant, so the server renders a plural sentence here for each count an island needs, and
### the default variant is only a fallback.

## Errors. Lowercase and without a full stop: they also end other sentences
## (config-form-not-saved).

error-unauthorized = votre session est terminée ; veuillez vous reconnecter
error-forbidden = cette requête a été refusée, car elle ne provient pas de ce site
# $seconds: a whole number. The browser cannot choose a plural form: word it so that the
# number needs none.
error-rate-limited = trop de requêtes : veuillez patienter { $seconds } s, puis réessayer
# $seconds: as in error-rate-limited.
error-busy = le service d’intégrations est surchargé : veuillez réessayer dans { $seconds } s
error-upstream = le service d’intégrations est indisponible pour le moment ; veuillez réessayer
error-internal = une erreur s’est produite de notre côté
# $detail: the web framework's own account of the failure (English, technical).
error-request-failed = échec de la requête : { $detail }

## What an app's page says of its connection; live updates change it in the browser.

status-connected = Connecté
status-needs-setup = Connecté. Terminez la configuration ci-dessous pour lancer la synchronisation.
status-needs-reconnect = La connexion a expiré : reconnectez l’application pour reprendre la synchronisation.
status-available = Non connecté

## Announced to screen readers when an app's status changes elsewhere (another tab, the
## provider). $app: the app's name.

status-now-connected = { $app } est maintenant connecté.
status-now-needs-setup = { $app } est connecté : terminez sa configuration pour lancer la synchronisation.
status-now-needs-reconnect = La connexion à { $app } a expiré : reconnectez l’application pour reprendre la synchronisation.
status-now-disconnected = { $app } a été déconnecté.

## An app's status badge (marketplace card, app page). An available app has none.

card-badge-connected = Connecté
card-badge-setup = À configurer
card-badge-reconnect = À reconnecter

## An app's main button (marketplace card, app page), then its accessible name, which says
## which app it acts on. $app: the app's name.

card-connect = Connecter
# QuickBooks' branded button: use Intuit's wording for the language, if it has one.
card-connect-quickbooks = Se connecter à QuickBooks
card-reconnect = Reconnecter
card-finish-setup = Terminer la configuration
card-manage = Gérer
card-connect-app = Connecter { $app }
card-reconnect-app = Reconnecter { $app }
card-finish-setup-app = Terminer la configuration de { $app }
card-manage-app = Gérer { $app }

## What is wrong with a form field, shown by the field as the user types and after a save.
## $label: the field's name, as the app labels it.

validation-required = Le champ « { $label } » est obligatoire.
validation-number = Le champ « { $label } » doit contenir un nombre.
validation-email = Le champ « { $label } » doit contenir une adresse e-mail, par exemple nom@example.com.
validation-url = Le champ « { $label } » doit contenir une adresse web commençant par https://.
validation-date = Le champ « { $label } » doit contenir une date (AAAA-MM-JJ).
# $error: the JSON reader's own account of the problem (English, technical).
validation-json = Le champ « { $label } » ne contient pas de JSON valide : { $error }.
validation-option = Choisissez l’une des options pour « { $label } ».

## An app's credentials form: a required field left empty. $label: as above.

connect-form-choose = Choisissez une valeur pour « { $label } ».
connect-form-enter = Renseignez le champ « { $label } ».

## The configuration form.

# A password field's placeholder when a value is stored (which is never shown).
config-form-secret-kept = Valeur enregistrée ; laissez ce champ vide pour la conserver
# $error: why, one of the error sentences.
config-form-not-saved = Rien n’a été enregistré : { $error }.
# The form's alert after a refused save. $count: how many fields to fix (1 or more).
config-form-problems =
    { $count ->
        [one] { $count } champ nécessite votre attention ; rien n’a été enregistré.
       *[other] { $count } champs nécessitent votre attention ; rien n’a été enregistré.
    }
