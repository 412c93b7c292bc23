data "azurerm_storage_account" "source" {
  for_each = local.new_topic_accounts

  name                = local.account_name[each.key]
  resource_group_name = local.account_rg[each.key]
}

resource "azurerm_eventgrid_system_topic" "storage" {
  for_each = local.new_topic_accounts

  name                = "${local.account_name[each.key]}-tributary"
  resource_group_name = local.account_rg[each.key]
  location            = data.azurerm_storage_account.source[each.key].location
  source_resource_id  = each.key
  topic_type          = "Microsoft.Storage.StorageAccounts"
  tags                = var.tags
}

resource "azurerm_storage_container" "dead_letter" {
  for_each = local.accounts

  name                  = var.dead_letter_container
  storage_account_id    = each.key
  container_access_type = "private"
}

module "source" {
  source   = "../../modules/azure-source"
  for_each = local.azure_sources

  name               = each.key
  storage_account_id = var.azure_sources[each.key].storage_account_id
  gateway_url        = var.gateway_url

  # The secret the gateway checks: sent as ?code=... or the source's secretParameter.
  secret            = local.secrets[each.key]
  secret_parameter  = try(each.value.secretParameter, null)
  aad_tenant_id     = var.azure_sources[each.key].aad_tenant_id
  aad_app_id_or_uri = var.azure_sources[each.key].aad_tenant_id == null ? null : try(each.value.audience, null)

  create_system_topic = false
  system_topic_name = coalesce(
    var.azure_sources[each.key].system_topic_name,
    try(azurerm_eventgrid_system_topic.storage[var.azure_sources[each.key].storage_account_id].name, null),
  )
  resource_group_name = coalesce(
    var.azure_sources[each.key].system_topic_resource_group_name,
    local.account_rg[var.azure_sources[each.key].storage_account_id],
  )

  create_dead_letter_container = false
  dead_letter_container        = azurerm_storage_container.dead_letter[var.azure_sources[each.key].storage_account_id].name

  container             = var.azure_sources[each.key].container
  blob_prefix           = var.azure_sources[each.key].blob_prefix
  blob_suffixes         = var.azure_sources[each.key].blob_suffixes
  included_event_types  = var.azure_sources[each.key].included_event_types
  max_delivery_attempts = var.azure_sources[each.key].max_delivery_attempts
  event_time_to_live    = var.azure_sources[each.key].event_time_to_live
}

# Refuse a plan that would not match the mappings file.
resource "terraform_data" "mappings_checks" {
  input = keys(local.azure_sources)

  lifecycle {
    precondition {
      condition     = length(local.unconfigured) == 0
      error_message = "azure_sources has no storage_account_id for ${join(", ", local.unconfigured)} (azure-eventgrid sources of ${var.mappings_file})."
    }
    precondition {
      condition     = length(local.unknown_names) == 0
      error_message = "azure_sources has settings for ${join(", ", local.unknown_names)}, which are not azure-eventgrid sources of ${var.mappings_file}."
    }
    precondition {
      condition     = length(local.unresolved_secrets) == 0
      error_message = "The secret of ${join(", ", local.unresolved_secrets)} is an environment reference without default: set eventgrid_secrets[NAME] to the value the gateway gets."
    }
  }
}
