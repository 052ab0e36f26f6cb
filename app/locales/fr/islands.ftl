## The islands' sentences: the connect panel, the disconnect dialog, the marketplace's filters,
## the configuration editor, Retry, the live status and the theme switch. Every message here
## is also sent to the browser, where a selector cannot be resolved: sentences with a plural
## that the browser shows are rendered by the server for each count (see marketplace-count).
## $app is always an app's name, from Cobalt.

## Connecting an app, on its detail page.

connect-cancel = Annuler
# The credentials form's button, for an app not connected yet.
connect-submit = Connecter { $app }
# The credentials form's button, for an app whose connection expired.
connect-submit-reconnect = Reconnecter { $app }
# Heads the credentials form; required fields carry a * after their label.
connect-credentials-intro = Saisissez les identifiants de votre compte { $app }. Les champs marqués d’un * sont obligatoires.
# The empty first choice of a list that has no placeholder of its own.
connect-choose = Choisir…
# The Connect button while the attempt is under way.
connect-connecting = Connexion en cours…
# A link that reloads the page, after the session ended.
connect-reload = Recharger la page
# The title (and text) of the consent window while Cobalt's page loads in it.
connect-popup-title = Connexion à { $app }…
connect-waiting-popup = Connexion à { $app } en cours… Terminez l’opération dans la fenêtre qui vient de s’ouvrir.
# No window could be opened: the whole page goes to the provider's sign-in page.
connect-waiting-redirect = Connexion à { $app } en cours… Redirection vers la page de connexion…
connect-credentials-refused = { $app } n’a pas accepté ces identifiants.
connect-cancelled = Connexion annulée.
# The consent window is closed after 5 minutes.
connect-timed-out = Connexion annulée : la fenêtre d’autorisation est restée ouverte pendant 5 minutes.
connect-connected = { $app } est connecté.

## Disconnecting an app: the summary, the link and the dialog that asks first.

disconnect-summary = Si vous déconnectez { $app }, ses configurations seront supprimées, y compris les configurations nommées. Vous pourrez reconnecter l’application plus tard ; ses paramètres reprendront alors leurs valeurs par défaut.
disconnect-workflows-unknown = La liste de ses workflows activés n’a pas pu être récupérée pour le moment ; ils seront également arrêtés.
disconnect-workflows-none = Aucun workflow n’est activé dans sa configuration par défaut.
# Heads the list of the enabled workflows that stop ($count of them, at least one).
disconnect-workflows-list = Ces workflows activés (configuration par défaut) seront arrêtés :
disconnect-open = Déconnecter…
disconnect-title = Déconnecter { $app } ?
disconnect-cancel = Annuler
disconnect-confirm = Déconnecter { $app }
# The dialog's Disconnect button while the disconnect is under way.
disconnect-pending = Déconnexion en cours…
# $reason: why, as the server says it (a phrase, starting in lower case).
disconnect-failed = Rien n’a été déconnecté : { $reason }.

## The marketplace: search, status filter, category chips and the app grid.

# The category chip that shows every category.
marketplace-all = Toutes
marketplace-search-label = Rechercher des intégrations
marketplace-search-placeholder = Nom, description ou catégorie
# Heads the status filter's choices.
marketplace-status = Statut
marketplace-apply = Appliquer les filtres
# The name of the row of category chips, for screen readers.
marketplace-categories = Catégories
# The name of the grid of app cards, for screen readers.
marketplace-apps = Applications
# How many apps the filters show. The server renders it for every count the page may show.
marketplace-count =
    { $count ->
        [one] { $count } application
       *[other] { $count } applications
    }
marketplace-empty = Aucune application ne correspond à ces filtres.
marketplace-clear = Effacer les filtres

## The configuration editor, as it checks and saves the form.

# Asked before leaving the page (or following a link) with changes not saved.
config-editor-leave = Cette configuration contient des modifications non enregistrées. Quitter sans les enregistrer ?
config-editor-saved = Configuration enregistrée.
# The Save button while the save is under way.
config-editor-saving = Enregistrement en cours…
# Shown by a list whose choices are fetched; $reason is a sentence saying why they were not.
config-editor-options-failed = Impossible de charger les options : { $reason }
# $field: the label of a list whose choice was emptied because another field changed.
config-editor-cleared = Le champ « { $field } » a été vidé : la valeur choisie ne correspond plus à la nouvelle sélection.

## Retry, on a page that could not be loaded.

retry-label = Réessayer
retry-pending = Nouvelle tentative en cours…
# $reason: why, as the server says it (a phrase, starting in lower case).
retry-still-unavailable = Toujours indisponible : { $reason }.

## The detail page's live status: what to do after the connection changed in another tab.

live-connect = Connecter { $app }
live-reconnect = Reconnecter { $app }
live-reload = Recharger la page

## The light/dark switch (a toggle button: pressed means dark).

theme-dark = Thème sombre

## Why connecting failed, as Cobalt's browser library (cobalt-js) reports it.

cobalt-js-load-failed = La bibliothèque de connexion de Cobalt n’a pas pu être chargée. Vérifiez votre connexion réseau et réessayez.
cobalt-js-session-expired = Votre session a expiré. Rechargez la page pour continuer.
cobalt-js-network = Impossible de joindre Cobalt. Vérifiez votre connexion réseau et réessayez.
# $detail: what the browser or cobalt-js reported, in English or code terms.
cobalt-js-unexpected = Une erreur s’est produite lors de la connexion : { $detail }
# Stands for $detail above when the browser said nothing.
cobalt-js-unknown-error = erreur inconnue
cobalt-js-too-many-requests = Cobalt reçoit trop de requêtes. Patientez un instant, puis réessayez.
cobalt-js-unavailable = Cobalt rencontre actuellement des difficultés. Réessayez dans un instant.
# $status: the HTTP status code Cobalt answered with.
cobalt-js-refused = Cobalt a refusé la requête (HTTP { $status }).
