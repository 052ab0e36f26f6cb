### Server-only sentences of the shared model, the errors and the server: formatted on the
### server, in the language of the page (or of the request), never by the browser's own code.

## Errors: what was not found. Lowercase and without a full stop, like every error.

error-not-found-integration = cette intégration est introuvable
# $slug: the app's name as the address spells it.
error-not-found-app = l’intégration « { $slug } » est introuvable
error-not-found-configuration = cette configuration est introuvable
error-not-found-field = ce champ est introuvable
error-not-found-run = cette exécution est introuvable

## Identifiers in addresses and requests. $what says which: customer (the account's id),
## app (its name in the address), configuration (a named configuration's name) or field.

validation-identifier-required =
    { $what ->
        [customer] l’identifiant client est obligatoire
        [configuration] le nom de la configuration est obligatoire
        [field] l’identifiant du champ est obligatoire
       *[app] le nom de l’application est obligatoire
    }
# $max: a number of characters.
validation-identifier-too-long =
    { $what ->
        [customer] l’identifiant client ne doit pas dépasser { $max } caractères
        [configuration] le nom de la configuration ne doit pas dépasser { $max } caractères
        [field] l’identifiant du champ ne doit pas dépasser { $max } caractères
       *[app] le nom de l’application ne doit pas dépasser { $max } caractères
    }
# $character: the character, quoted ('/').
validation-identifier-character =
    { $what ->
        [customer] l’identifiant client ne peut pas contenir { $character }
        [configuration] le nom de la configuration ne peut pas contenir { $character }
        [field] l’identifiant du champ ne peut pas contenir { $character }
       *[app] le nom de l’application ne peut pas contenir { $character }
    }
validation-identifier-dot =
    { $what ->
        [customer] l’identifiant client ne peut pas commencer par un point
       *[configuration] le nom de la configuration ne peut pas commencer par un point
    }
validation-slug-lowercase = le nom de l’application dans l’adresse doit être en minuscules

## The sign-up form.

validation-name-required = Veuillez saisir votre nom.
# $max: a number of characters.
validation-name-too-long = Votre nom ne doit pas dépasser { $max } caractères.
validation-name-control = Votre nom ne peut pas contenir de caractères de contrôle.
validation-email-required = Veuillez saisir votre adresse e-mail.
validation-email-invalid = Veuillez saisir une adresse e-mail valide, par exemple nom@example.com.

## The configuration form, checked on the server.

validation-form-too-many = le formulaire contient trop de valeurs
# $field: the field's name in the form.
validation-value-too-large = la valeur du champ « { $field } » est trop volumineuse
# A row of a mapping setting. $label: the row; $field: the setting.
validation-map-option = Choisissez l’une des options pour « { $label } » dans « { $field } ».
# $label: the field's name; $min: a number, written as the language writes decimals.
validation-at-least = Le champ « { $label } » doit valoir au moins { $min }.
# $label: the field's name; $max: a number, written as the language writes decimals.
validation-at-most = Le champ « { $label } » doit valoir au plus { $max }.
validation-config-name-taken = Ce nom est réservé à la configuration par défaut ; choisissez-en un autre.
# $max: how many named configurations an app may have.
validation-config-limit = Une application peut avoir au plus { $max } configurations nommées ; supprimez-en une d’abord.
# Shown as a field's problem when its choices could not be fetched.
config-form-options-unavailable = Impossible de charger les options ; réessayez dans un instant.

## Workflow runs (Retry, Stop). Lowercase, without a full stop: error sentences.

validation-run-not-failed = seule une exécution en échec peut être relancée
validation-run-ended = l’exécution était déjà terminée

## An app's credentials form.

# $app: the app's name.
connect-form-not-accepted = { $app } n’a pas accepté ces identifiants.

## Why the user's role (given by the host app) does not allow a change. Without a full stop:
## they are also error sentences; role-refusal-sentence makes one a sentence of its own.

role-member-disconnect = Seul un administrateur de votre compte peut déconnecter une application
role-viewer-connect = Vous avez le rôle de lecteur : vous pouvez consulter cette application, mais seul un administrateur ou un membre de votre compte peut la connecter
role-viewer-configure = Vous avez le rôle de lecteur : vous pouvez consulter ces paramètres, mais seul un administrateur ou un membre de votre compte peut les modifier
role-viewer-disconnect = Vous avez le rôle de lecteur : vous pouvez consulter cette connexion, mais seul un administrateur de votre compte peut la déconnecter
role-viewer-run = Vous avez le rôle de lecteur : vous pouvez consulter ces exécutions, mais seul un administrateur ou un membre de votre compte peut les relancer ou les arrêter
# $reason: one of the role-* sentences above.
role-refusal-sentence = { $reason }.

## A workflow run's status (Activity).

status-run-completed = Terminée
status-run-running = En cours
status-run-stopping = Arrêt en cours
status-run-failed = En échec
status-run-timed-out = Délai dépassé
status-run-stopped = Arrêtée
status-run-unknown = Inconnue

# A connected account for which the provider gives no name.
status-account-unnamed = Compte

## The marketplace's status filter, and its banner.

filter-status-all = Toutes
filter-status-connected = Connectées
filter-status-attention = À traiter
filter-status-available = Disponibles
# A link to the apps that need attention (expired, setup unfinished, last run failed).
filter-attention =
    { $count ->
        [one] { $count } intégration nécessite votre attention
       *[other] { $count } intégrations nécessitent votre attention
    }

## A marketplace card.

# The app's logo. $app: the app's name.
card-logo-alt = Logo de { $app }
# The list of the app's categories.
card-categories = Catégories
card-last-run-failed = Échec de la dernière exécution
# $time: when the last run started, relative ("5 minutes ago", a time-* message).
card-last-run = Dernière exécution { $time }

## The host platform's frame around the tab.

# $name: the signed-in user's name.
header-signed-in-as = Session de { $name }
header-sign-out = Se déconnecter
# The platform's settings tabs.
header-tabs = Paramètres
header-tab-overview = Vue d’ensemble
header-tab-integrations = Intégrations
header-tab-billing = Facturation

## Times relative to now. $count: a whole number.

time-just-now = à l’instant
time-minutes-ago =
    { $count ->
        [one] il y a { $count } minute
       *[other] il y a { $count } minutes
    }
time-hours-ago =
    { $count ->
        [one] il y a { $count } heure
       *[other] il y a { $count } heures
    }
time-days-ago =
    { $count ->
        [one] il y a { $count } jour
       *[other] il y a { $count } jours
    }
time-months-ago =
    { $count ->
        [one] il y a { $count } mois
       *[other] il y a { $count } mois
    }
time-years-ago =
    { $count ->
        [one] il y a { $count } an
       *[other] il y a { $count } ans
    }

## How long a run took, in short units.

time-duration-seconds = { $seconds } s
time-duration-minutes = { $minutes } min
time-duration-hours = { $hours } h { $minutes } min

## A day. $day and $month_number are numbers, $month the month's date-month-* name and
## $year its four digits: "2. { $month } { $year }", "{ $year }年{ $month_number }月{ $day }日".

date-day =
    { $day ->
        [1] 1er
       *[other] { $day }
    } { $month } { $year }
date-time = { $date } à { $time } UTC
date-month-1 = janv.
date-month-2 = févr.
date-month-3 = mars
date-month-4 = avr.
date-month-5 = mai
date-month-6 = juin
date-month-7 = juil.
date-month-8 = août
date-month-9 = sept.
date-month-10 = oct.
date-month-11 = nov.
date-month-12 = déc.

## Live updates refused (the response to the page's event stream).

# $count: how many tabs of the account already follow live updates.
refused-live-tabs =
    { $count ->
        [one] les mises à jour en direct sont déjà actives dans { $count } onglet de ce compte ; fermez-le pour suivre les modifications ici
       *[other] les mises à jour en direct sont déjà actives dans { $count } onglets de ce compte ; fermez-en un pour suivre les modifications ici
    }
refused-live-full = les mises à jour en direct sont indisponibles pour le moment : le serveur a trop de connexions ouvertes

## Why the host app's sign-in link (an embed token) was refused, on the page that says so.
## Lowercase, without a full stop. Names in the token (exp, nbf, iat, aud, HS256,
## EMBED_SECRET, the claims) are the host developer's: keep them.

embed-error-missing = le lien ne contient aucun jeton ; rouvrez l’onglet Intégrations depuis votre compte
embed-error-not-configured = l’affichage intégré n’est pas configuré sur ce serveur (EMBED_SECRET n’est pas défini)
embed-error-malformed = le jeton est mal formé
embed-error-algorithm = le jeton doit être signé avec HS256
embed-error-signature = la signature du jeton n’est pas valide
embed-error-expired = le jeton a expiré ; rouvrez l’onglet Intégrations depuis votre compte
# $minutes: the longest a token may live.
embed-error-too-long = la durée de vie du jeton est trop longue : exp doit se situer au plus { $minutes } minutes dans le futur
embed-error-not-yet-valid = le jeton n’est pas encore valide (nbf ou iat se situe dans le futur)
embed-error-audience = le jeton est destiné à un autre service (aud)
embed-error-replayed = ce lien de connexion a déjà été utilisé ; rouvrez l’onglet Intégrations depuis votre compte
embed-error-context = l’onglet Intégrations doit être ouvert depuis l’application hôte
embed-error-busy = trop de tentatives de connexion en ce moment ; veuillez réessayer dans une minute
embed-error-claim-iat = les claims du jeton ne sont pas valides : iat : obligatoire
embed-error-claim-jti = les claims du jeton ne sont pas valides : jti : de 1 à 128 caractères, obligatoire
# $problem: what is wrong with the customer id (a validation-identifier-* sentence).
embed-error-claim-sub = les claims du jeton ne sont pas valides : sub : { $problem }
embed-error-claim-name = les claims du jeton ne sont pas valides : name : 100 caractères maximum
# $problem: what is wrong with the address (a validation-email-* sentence).
embed-error-claim-email = les claims du jeton ne sont pas valides : email : { $problem }
embed-error-claim-role = les claims du jeton ne sont pas valides : role : admin, member ou viewer
embed-error-claim-theme = les claims du jeton ne sont pas valides : theme : light ou dark
embed-error-claim-brand = les claims du jeton ne sont pas valides : brand : #rgb ou #rrggbb
embed-error-claim-locale = les claims du jeton ne sont pas valides : locale : une étiquette de langue, par exemple de ou ja-JP
# $seconds: the shortest session a token may ask for.
embed-error-claim-session-ttl = les claims du jeton ne sont pas valides : session_ttl : au moins { $seconds } secondes

## The language switcher at the foot of each page.

# The label of the list of languages (each shown in its own language).
language-label = Langue
# The button that reloads the page in the chosen language.
language-apply = Changer
