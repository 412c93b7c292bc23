# What this example derives from the mappings file: variables and locals only, no provider, so the
# build evaluates it offline with `terraform console` and checks the for_each sets it yields
# (checks/terraform-binary.test.js).

locals {
  mappings = yamldecode(file(var.mappings_file))

  # Every Azure source of the mappings file gets its cloud resources.
  azure_sources = { for name, s in local.mappings.sources : name => s if contains(["azure-eventgrid"], s.type) }

  configured         = { for name in keys(local.azure_sources) : name => var.azure_sources[name] if contains(keys(var.azure_sources), name) }
  account_id_pattern = "(?i)^/subscriptions/[^/]+/resourceGroups/([^/]+)/providers/Microsoft\\.Storage/storageAccounts/([^/]+)$"

  # A storage account has one system topic: create one per account unless the source names an
  # existing topic, and one dead-letter container per account.
  accounts           = toset([for s in values(local.configured) : s.storage_account_id])
  new_topic_accounts = toset([for s in values(local.configured) : s.storage_account_id if s.system_topic_name == null])
  account_rg         = { for id in local.accounts : id => regex(local.account_id_pattern, id)[0] }
  account_name       = { for id in local.accounts : id => regex(local.account_id_pattern, id)[1] }

  # "$${NAME}" or "$${NAME:-default}" as a whole value.
  env_ref = "^\\$\\{([A-Za-z_][A-Za-z0-9_]*)(:-(.*))?\\}$"
  secrets = {
    for name, s in local.azure_sources : name => try(coalesce(
      lookup(var.eventgrid_secrets, name, null),
      can(regex(local.env_ref, s.secret)) ? regex(local.env_ref, s.secret)[2] : s.secret,
    ), null)
  }

  unconfigured       = [for name in keys(local.azure_sources) : name if !contains(keys(var.azure_sources), name)]
  unknown_names      = setsubtract(keys(var.azure_sources), keys(local.azure_sources))
  unresolved_secrets = [for name, s in local.azure_sources : name if can(s.secret) && nonsensitive(local.secrets[name] == null)]
}
