locals {
  # /subscriptions/SUB/resourceGroups/RG/providers/Microsoft.Storage/storageAccounts/NAME
  account_parts       = regex("(?i)^/subscriptions/([^/]+)/resourceGroups/([^/]+)/providers/Microsoft\\.Storage/storageAccounts/([^/]+)$", var.storage_account_id)
  account_rg          = local.account_parts[1]
  account_name        = local.account_parts[2]
  resource_group_name = coalesce(var.resource_group_name, local.account_rg)
  system_topic_name   = coalesce(var.system_topic_name, "${local.account_name}-tributary")

  dead_letter_account_id = coalesce(var.dead_letter_storage_account_id, var.storage_account_id)

  endpoint    = "${trimsuffix(var.gateway_url, "/")}/sources/${var.name}"
  webhook_url = var.secret == null ? local.endpoint : "${local.endpoint}?${var.secret_parameter}=${urlencode(var.secret)}"

  # Blob subjects look like /blobServices/default/containers/CONTAINER/blobs/PATH.
  subject_begins_with = var.container == null ? null : "/blobServices/default/containers/${var.container}/blobs/${var.blob_prefix}"
  subscription_name   = "tributary-${replace(var.name, "_", "-")}"
}

data "azurerm_storage_account" "source" {
  count = var.create_system_topic && var.location == null ? 1 : 0

  name                = local.account_name
  resource_group_name = local.account_rg
}

resource "azurerm_eventgrid_system_topic" "storage" {
  count = var.create_system_topic ? 1 : 0

  name                = local.system_topic_name
  resource_group_name = local.resource_group_name
  location            = coalesce(var.location, try(data.azurerm_storage_account.source[0].location, null))
  source_resource_id  = var.storage_account_id
  topic_type          = "Microsoft.Storage.StorageAccounts"
  tags                = var.tags
}

resource "azurerm_storage_container" "dead_letter" {
  count = var.create_dead_letter_container ? 1 : 0

  name                  = var.dead_letter_container
  storage_account_id    = local.dead_letter_account_id
  container_access_type = "private"
}

resource "azurerm_eventgrid_system_topic_event_subscription" "gateway" {
  name                  = local.subscription_name
  system_topic          = var.create_system_topic ? azurerm_eventgrid_system_topic.storage[0].name : local.system_topic_name
  resource_group_name   = local.resource_group_name
  event_delivery_schema = "CloudEventSchemaV1_0"
  included_event_types  = var.included_event_types
  labels                = ["tributary", "source:${var.name}"]

  webhook_endpoint {
    url                               = local.webhook_url
    max_events_per_batch              = var.max_events_per_batch
    preferred_batch_size_in_kilobytes = 64
    active_directory_tenant_id        = var.aad_tenant_id
    active_directory_app_id_or_uri    = var.aad_app_id_or_uri
  }

  dynamic "subject_filter" {
    for_each = local.subject_begins_with == null ? [] : [local.subject_begins_with]
    content {
      subject_begins_with = subject_filter.value
      case_sensitive      = true
    }
  }

  dynamic "advanced_filter" {
    for_each = length(var.blob_suffixes) > 0 ? [var.blob_suffixes] : []
    content {
      string_ends_with {
        key    = "subject"
        values = advanced_filter.value
      }
    }
  }

  retry_policy {
    max_delivery_attempts = var.max_delivery_attempts
    event_time_to_live    = var.event_time_to_live
  }

  storage_blob_dead_letter_destination {
    storage_account_id          = local.dead_letter_account_id
    storage_blob_container_name = var.create_dead_letter_container ? azurerm_storage_container.dead_letter[0].name : var.dead_letter_container
  }

  lifecycle {
    precondition {
      condition     = var.blob_prefix == "" || var.container != null
      error_message = "Source '${var.name}': blob_prefix needs container (the subject filter is /blobServices/default/containers/CONTAINER/blobs/PREFIX)."
    }
    precondition {
      condition     = (var.aad_tenant_id == null) == (var.aad_app_id_or_uri == null)
      error_message = "Source '${var.name}': set both aad_tenant_id and aad_app_id_or_uri, or neither."
    }
  }
}
