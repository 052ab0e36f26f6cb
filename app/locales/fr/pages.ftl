### The pages, rendered on the server only: none of these messages reaches the islands.

## The marketplace (/integrations)

integrations-page-title = Intégrations
integrations-page-heading = Intégrations
integrations-page-lead = Connectez les outils que votre équipe utilise déjà.
# The list of placeholder cards shown while the catalog loads (read by screen readers).
integrations-page-loading = Chargement des applications

## An app's page (/integrations/{slug})

integration-breadcrumb = Fil d’Ariane
integration-breadcrumb-integrations = Intégrations
integration-unavailable-title = Intégration indisponible
integration-back = Retour aux intégrations
integration-no-address = Cette intégration n’a pas d’adresse.
# The alt text of the app's logo. $app: the app's name.
integration-logo = Logo de { $app }
# The label of the list of the app's categories.
integration-categories = Catégories
integration-config-saved = Configuration enregistrée.
integration-config-created = Configuration créée.
integration-config-reset = La configuration a été réinitialisée : les valeurs par défaut de l’application sont rétablies.
integration-config-deleted = La configuration a été supprimée.
# After a named configuration was refused its name. The characters listed are the ones allowed, as typed.
integration-config-bad-name = Un nom de configuration ne peut contenir que des lettres, des chiffres et - _ . @ : (64 caractères maximum).
integration-config-unavailable = Le service d’intégrations est indisponible ; rien n’a été modifié. Réessayez dans un instant.
# The banners after coming back from a connection. $app: the app's name.
integration-connected = { $app } est connecté.
integration-connect-incomplete = La connexion à { $app } n’a pas abouti. Réessayez.
integration-connect-unavailable = La connexion à { $app } n’a pas pu démarrer : le service d’intégrations est indisponible. Réessayez dans un instant.
integration-connect-denied = Connexion annulée : l’accès n’a pas été accordé à { $app }.
integration-disconnected = { $app } est déconnecté.
integration-disconnect-incomplete = { $app } est toujours connecté : la déconnexion n’a pas abouti. Réessayez.
integration-connection-heading = Connexion
# How an account signs in to the app: with OAuth or with an API key.
integration-auth-oauth = OAuth
integration-auth-key = Clé API
# The label of the refused Connect and Reconnect buttons (a role that may not connect). $app: the app's name.
integration-connect-app = Connecter { $app }
integration-reconnect-app = Reconnecter { $app }
# The label of the refused Disconnect button. $app: the app's name.
integration-disconnect-app = Déconnecter { $app }
# The table of the app's connected accounts.
integration-accounts-caption = Comptes connectés
integration-accounts-account = Compte
integration-accounts-auth = Authentification
integration-accounts-connected = Connecté
integration-accounts-status = Statut
# A connected account's status, in its badge.
integration-account-active = actif
integration-account-expired = expiré

## The connection history of an app's page

history-link = Historique de la connexion
history-heading = Historique de la connexion
# $error: why, as a sentence fragment ending without a full stop.
history-failed = Impossible de charger l’historique de la connexion : { $error }.
history-empty = Aucun événement pour cette connexion au cours des 30 derniers jours.
history-footer = Du plus récent au plus ancien, sur les 30 derniers jours.
# After the event's time (when there is one): who did it. $name: the user's name.
history-by = {" "}· par { $name }
# The events of the history, one a line.
history-connected = Connecté
history-reconnected = Reconnecté
# $reason: what the provider said, in its own words.
history-expired-because = Connexion expirée : { $reason }
history-expired = Connexion expirée
history-disconnected = Déconnecté
history-settings-saved = Paramètres enregistrés
history-settings-deleted = Paramètres supprimés
# $workflow: the workflow's name.
history-workflow-enabled = Workflow activé : { $workflow }
history-workflow-enabled-unnamed = Un workflow a été activé
history-workflow-disabled = Workflow désactivé : { $workflow }
history-workflow-disabled-unnamed = Un workflow a été désactivé

## The configuration section of an app's page

configuration-heading = Configuration
# The toggle of a workflow.
configuration-workflow-enabled = Activé
# $name: the configuration's name, as its user typed it.
configuration-delete-warning = Cette action supprime la configuration « { $name } » : ses paramètres et les valeurs de ses workflows.
configuration-reset-warning = Cette action supprime les paramètres enregistrés et les valeurs des workflows ; les valeurs par défaut de l’application sont rétablies.
configuration-settings = Paramètres
configuration-workflows = Workflows
configuration-save = Enregistrer la configuration
# The disclosures that ask before deleting, and the buttons inside them.
configuration-delete-ask = Supprimer cette configuration…
configuration-reset-ask = Rétablir les valeurs par défaut…
configuration-delete = Supprimer la configuration
configuration-reset = Réinitialiser la configuration
# The default configuration, in the list of the account's configurations of the app.
configuration-default = Par défaut
configuration-list = Configurations
configuration-new = Nouvelle configuration
# An example of a configuration's name, as a placeholder: only the letters A to Z, digits and - _ . @ : are allowed.
configuration-new-placeholder = production
# The characters a configuration's name may use, listed as typed.
configuration-new-rule = Lettres, chiffres et - _ . @ :
configuration-create = Créer
# The empty choice of a select that has no placeholder of its own.
configuration-choose = Choisir…
# The columns of a mapping field: the app's field, and the value it takes.
configuration-map-field = Champ
configuration-map-to = Associé à
configuration-map-none = Non associé
# $kind: the field's type, as Cobalt names it.
configuration-unknown-field = Ce type de champ ({ $kind }) n’a pas encore d’éditeur ici : saisissez sa valeur sous forme de texte.

## The Activity section of an app's page

activity-heading = Activité
activity-retried = L’exécution a été relancée : voici la nouvelle exécution.
activity-stopped = L’exécution a été arrêtée.
activity-unchanged = Aucune action effectuée : seule une exécution en échec peut être relancée, et seule une exécution en cours peut être arrêtée.
activity-unavailable = Rien n’a été relancé ni arrêté : le service d’intégrations est indisponible pour le moment. Réessayez dans un instant.
# $error: why, as a sentence fragment ending without a full stop.
activity-runs-failed = Impossible de charger l’historique des exécutions : { $error }.
activity-run-failed = Impossible d’ouvrir cette exécution : { $error }.
# The label of the status filter, and its choices.
activity-filter-show = Afficher
activity-filter-all = Toutes les exécutions
activity-filter-failed = Exécutions en échec
activity-filter-running = Exécutions en cours
activity-filter-completed = Exécutions terminées
activity-filter-stopped = Exécutions arrêtées
activity-filter-apply = Appliquer
# A page past the last one; a link back to the first page follows.
activity-page-empty = Aucune exécution sur cette page.{" "}
activity-page-first = Revenir aux exécutions les plus récentes
# $app: the app's name.
activity-none = { $app } n’a encore exécuté aucun workflow.
activity-none-filtered = Aucune exécution ne correspond à ce filtre.
# In the Duration column, for a run not finished.
activity-duration-running = en cours
activity-view-run = Voir l’exécution
# Read by screen readers right after "View run". $workflow: the workflow's name; $status: the run's status; $started: how long ago it started ("5 minutes ago").
activity-view-run-detail = {"\u00A0"}: { $workflow }, { $status }, démarrée { $started }
# The caption of the table of runs. $app: the app's name.
activity-runs-caption = Exécutions de workflows de { $app }, les plus récentes en premier
activity-column-status = Statut
activity-column-workflow = Workflow
activity-column-trigger = Déclencheur
activity-column-started = Début
activity-column-duration = Durée
activity-column-details = Détails
activity-pages = Pagination des exécutions
activity-newer = Exécutions plus récentes
# $page: this page's number; $pages: how many there are.
activity-page = Page { $page } sur { $pages }
activity-older = Exécutions plus anciennes
# A failed step of a run. $attempts: how many times it was tried; $message: what the provider said, in its own words.
activity-step-failed =
    Échec après { $attempts ->
        [one] { $attempts } tentative
       *[other] { $attempts } tentatives
    } : { $message }
activity-step-failed-silent =
    Échec après { $attempts ->
        [one] { $attempts } tentative
       *[other] { $attempts } tentatives
    } : aucun message n’a été fourni
# What the page says while a retry or a stop is sent, and when it fails (read by /activity.js).
activity-retrying = Relance en cours…
activity-stopping = Arrêt en cours…
activity-no-answer = Aucune réponse reçue : rechargez la page pour vérifier si l’action a été effectuée.
activity-refused = La demande a été refusée et rien n’a été fait : rechargez la page pour voir l’état actuel de l’exécution.
activity-retry = Relancer l’exécution
activity-stop = Arrêter l’exécution
# The heading of an opened run. $workflow: the workflow's name; $status: the run's status.
activity-run-heading = { $workflow } : { $status }
# Between the run's status badge and the time it started ("5 minutes ago").
activity-run-started = {" "}Démarrée{" "}
activity-steps = Étapes
activity-close = Fermer l’exécution

## /integrations/{slug}/disconnect, the confirmation without JavaScript ($app: the app's name)

disconnect-page-not-connected = { $app } n’est pas connecté
disconnect-page-nothing = Il n’y a rien à déconnecter.
disconnect-page-back = Retour à { $app }
# The heading when the user's role may not disconnect.
disconnect-page-stays = { $app } reste connecté
disconnect-page-title = Déconnecter { $app } ?
disconnect-page-unavailable = Rien n’a été déconnecté : le service d’intégrations est indisponible pour le moment. Réessayez dans un instant.
disconnect-page-cancel = Annuler
disconnect-page-confirm = Déconnecter { $app }

## The pages of the hand-off from the host app (/embed/…)

# Why the sign-in link was refused, when the server gave no reason.
embed-incomplete = le lien est incomplet
embed-refused-title = Impossible d’ouvrir les intégrations
embed-refused-heading = Nous n’avons pas pu ouvrir vos intégrations
# $reason: why, as a sentence fragment ending without a full stop.
embed-refused = Le lien de connexion a été refusé : { $reason }.
embed-refused-advice = Revenez à l’application d’où vous venez et rouvrez l’onglet Intégrations.
# Another account is signed in. $current: the name of the one signed in; $next: the name the link signs in as.
embed-switch-title = Changer de compte ?
embed-switch-heading = Continuer en tant que { $next } ?
embed-switch-current = Vous utilisez l’onglet Intégrations en tant que { $current }.
embed-switch-warning = Le lien que vous avez ouvert vous connecte en tant que { $next }. Ne continuez que s’il s’agit bien de vous : les applications que vous connecterez appartiendront à ce compte.
embed-switch-continue = Continuer en tant que { $next }
embed-switch-stay = Rester sur le compte { $current }
embed-ended-heading = Votre session est terminée
embed-ended = Rouvrez l’onglet Intégrations pour reprendre là où vous en étiez.
embed-cookies-heading = Votre navigateur a bloqué la connexion
embed-cookies = Cet onglet maintient votre session grâce à un cookie qui ne fonctionne qu’à l’intérieur de cette page, et votre navigateur bloque les cookies dans les pages intégrées d’autres sites. Autorisez les cookies tiers pour ce site dans les paramètres de votre navigateur, puis rechargez la page.

## The 404 page

not-found-title = Page introuvable
not-found-heading = Page introuvable
not-found-body = Il n’y a rien à cette adresse.
not-found-back = Retour aux intégrations

## /signed-out

signed-out-title = Session fermée
signed-out-heading = Votre session est fermée
# $platform: the name of the host app.
signed-out-body = Ouvrez l’onglet Intégrations depuis votre compte { $platform } pour continuer.

## /signup

signup-title = Créer votre compte
# $platform: the name of the host app.
signup-heading = Bienvenue sur { $platform }
signup-lead = Créez votre compte pour connecter les outils qu’utilise votre équipe.
signup-name = Nom
signup-email = Adresse e-mail professionnelle
signup-submit = Créer le compte

## Answers of the server outside a page

server-signup-expired = Ce formulaire a expiré. Vérifiez vos informations et envoyez-le de nouveau.
server-signup-unavailable = Nous n’avons pas pu créer votre compte, car le service d’intégrations n’a pas répondu. Rien n’a été enregistré ; veuillez réessayer.
# Plain-text answers to a link or a form that leads nowhere.
server-config-missing = Cette configuration n’existe pas.
server-run-missing = Cette exécution n’existe pas.
# $seconds: how long to wait.
server-too-many-requests =
    Trop de requêtes : veuillez patienter { $seconds ->
        [one] { $seconds } seconde
       *[other] { $seconds } secondes
    } avant de réessayer.
# A link back from a consent page that names no app of the user's, or no page of the host.
server-back-refused = ce lien ne ramène pas à une application que vous utilisez
# Why the host app's link was refused, shown after "The sign-in link was refused:".
server-embed-unavailable = le service d’intégrations n’a pas répondu ; veuillez réessayer
# Sent to the host app when its fresh token belongs to another user.
server-embed-other-user = le jeton désigne un autre utilisateur ; rouvrez l’onglet Intégrations
