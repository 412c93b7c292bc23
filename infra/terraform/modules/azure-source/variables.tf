variable "name" {
  description = "Name of the Tributary source in the mappings file (a key of `sources`). Used in resource names and in the webhook path /sources/{name}."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9][A-Za-z0-9_-]{0,52}$", var.name))
    error_message = "name must be 1-53 letters, digits, '-' or '_', starting with a letter or digit."
  }
}

variable "storage_account_id" {
  description = "Resource id of the storage account whose Blob events feed this source."
  type        = string

  validation {
    condition     = can(regex("(?i)^/subscriptions/[^/]+/resourceGroups/[^/]+/providers/Microsoft\\.Storage/storageAccounts/[a-z0-9]{3,24}$", var.storage_account_id))
    error_message = "storage_account_id must be /subscriptions/SUB/resourceGroups/RG/providers/Microsoft.Storage/storageAccounts/NAME."
  }
}

variable "create_system_topic" {
  description = "Create the Event Grid system topic of the storage account here. An Azure resource has at most one system topic: when several sources share a storage account, create the topic once (e.g. in the calling module) and pass false with its name."
  type        = bool
  default     = true
  nullable    = false
}

variable "system_topic_name" {
  description = "Name of the Event Grid system topic. Default: {storage account name}-tributary."
  type        = string
  default     = null
}

variable "resource_group_name" {
  description = "Resource group of the system topic. Default: the storage account's resource group."
  type        = string
  default     = null
}

variable "location" {
  description = "Location of the system topic when created here; it must be the storage account's location. Default: read from the storage account."
  type        = string
  default     = null
}

variable "gateway_url" {
  description = "Public HTTPS base URL of the gateway; Event Grid delivers to {gateway_url}/sources/{name}. The gateway must be running when the subscription is created: Event Grid validates the endpoint."
  type        = string

  validation {
    condition     = can(regex("^https://[^/?#]+(/[^?#]*)?$", var.gateway_url))
    error_message = "gateway_url must be an https:// URL without query or fragment."
  }
}

variable "secret" {
  description = "Shared secret the gateway expects (the source's secret). Sent by Event Grid as query parameter secret_parameter. Null: no secret in the URL (e.g. Entra ID auth only)."
  type        = string
  default     = null
  sensitive   = true
}

variable "secret_parameter" {
  description = "Name of the query parameter carrying the secret (the source's secretParameter)."
  type        = string
  default     = "code"
  nullable    = false

  validation {
    condition     = can(regex("^[A-Za-z0-9_.-]+$", var.secret_parameter))
    error_message = "secret_parameter must be a plain query parameter name."
  }
}

variable "aad_tenant_id" {
  description = "Microsoft Entra tenant for the bearer token Event Grid adds to each delivery. Set together with aad_app_id_or_uri (the source's audience)."
  type        = string
  default     = null
}

variable "aad_app_id_or_uri" {
  description = "Microsoft Entra application id or URI the delivery token is issued for (the source's audience)."
  type        = string
  default     = null
}

variable "included_event_types" {
  description = "Blob Storage event types delivered, e.g. Microsoft.Storage.BlobCreated, Microsoft.Storage.BlobDeleted."
  type        = list(string)
  default     = ["Microsoft.Storage.BlobCreated"]
  nullable    = false

  validation {
    condition     = length(var.included_event_types) > 0 && alltrue([for t in var.included_event_types : startswith(t, "Microsoft.Storage.")])
    error_message = "included_event_types must be a non-empty list of Microsoft.Storage.* event types."
  }
}

variable "container" {
  description = "Only blobs of this container are delivered (null: every container)."
  type        = string
  default     = null
}

variable "blob_prefix" {
  description = "Only blobs whose path in the container starts with this prefix (needs container). A coarse pre-filter: route filters in the mappings file still apply."
  type        = string
  default     = ""
  nullable    = false
}

variable "blob_suffixes" {
  description = "Only blobs whose name ends with one of these suffixes (empty: any). Becomes an advanced filter StringEndsWith on subject (case-insensitive in Event Grid)."
  type        = list(string)
  default     = []
  nullable    = false

  validation {
    condition     = length(var.blob_suffixes) <= 25 && alltrue([for s in var.blob_suffixes : s != ""])
    error_message = "blob_suffixes takes at most 25 non-empty values (Event Grid's limit on advanced filter values)."
  }
}

variable "max_delivery_attempts" {
  description = "Event Grid retry policy: delivery attempts before an event is dead-lettered."
  type        = number
  default     = 30
  nullable    = false

  validation {
    condition     = var.max_delivery_attempts >= 1 && var.max_delivery_attempts <= 30
    error_message = "max_delivery_attempts must be between 1 and 30."
  }
}

variable "event_time_to_live" {
  description = "Event Grid retry policy: minutes an event is retried before it is dead-lettered."
  type        = number
  default     = 1440
  nullable    = false

  validation {
    condition     = var.event_time_to_live >= 1 && var.event_time_to_live <= 1440
    error_message = "event_time_to_live must be between 1 and 1440 minutes."
  }
}

variable "max_events_per_batch" {
  description = "Events per delivery request (the gateway accepts CloudEvents batches)."
  type        = number
  default     = 1
  nullable    = false

  validation {
    condition     = var.max_events_per_batch >= 1 && var.max_events_per_batch <= 5000
    error_message = "max_events_per_batch must be between 1 and 5000."
  }
}

variable "dead_letter_storage_account_id" {
  description = "Storage account for dead-lettered events. Default: storage_account_id."
  type        = string
  default     = null
}

variable "dead_letter_container" {
  description = "Blob container that receives dead-lettered events."
  type        = string
  default     = "tributary-dead-letters"
  nullable    = false

  validation {
    condition     = can(regex("^[a-z0-9](-?[a-z0-9]){2,62}$", var.dead_letter_container))
    error_message = "dead_letter_container must be a valid container name: 3-63 lower-case letters, digits and single hyphens."
  }
}

variable "create_dead_letter_container" {
  description = "Create the dead-letter container here. False when it exists (e.g. shared by several sources on one account)."
  type        = bool
  default     = true
  nullable    = false
}

variable "tags" {
  description = "Tags of the system topic, when created here."
  type        = map(string)
  default     = {}
  nullable    = false
}
