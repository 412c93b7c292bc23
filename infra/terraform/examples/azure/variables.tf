variable "mappings_file" {
  description = "Route-mappings file, the same one the gateway runs with. Relative paths are relative to the directory terraform runs in (this example's)."
  type        = string
  default     = "../../../../mappings/azure.yaml"
}

variable "subscription_id" {
  description = "Azure subscription Terraform works in. Null: from ARM_SUBSCRIPTION_ID."
  type        = string
  default     = null
}

variable "azure_sources" {
  description = <<-EOT
    What the mappings file does not say about each azure-eventgrid source, keyed by source name.
    Every source needs an entry with storage_account_id; the rest is optional:
      storage_account_id: storage account whose Blob events feed the source;
      system_topic_name: existing system topic of that account (default: one is created);
      system_topic_resource_group_name: its resource group (default: the account's);
      container: only blobs of this container;
      blob_prefix: only blob paths with this prefix (needs container);
      blob_suffixes: only blob names with one of these suffixes;
      included_event_types: e.g. ["Microsoft.Storage.BlobCreated"];
      max_delivery_attempts, event_time_to_live: Event Grid retry policy;
      aad_tenant_id: Entra tenant for delivery tokens issued for the source's audience.
  EOT
  type = map(object({
    storage_account_id               = string
    system_topic_name                = optional(string)
    system_topic_resource_group_name = optional(string)
    container                        = optional(string)
    blob_prefix                      = optional(string)
    blob_suffixes                    = optional(list(string))
    included_event_types             = optional(list(string))
    max_delivery_attempts            = optional(number)
    event_time_to_live               = optional(number)
    aad_tenant_id                    = optional(string)
  }))
}

variable "eventgrid_secrets" {
  description = "Secret of each source, keyed by source name, when the mappings file holds a $${VAR} reference (the gateway gets the same value through VAR). A literal secret, or the default of $${VAR:-default}, is used when a source has no entry."
  type        = map(string)
  default     = {}
  nullable    = false
  sensitive   = true
}

variable "gateway_url" {
  description = "Public HTTPS base URL of the gateway; Event Grid delivers to {gateway_url}/sources/{name}. The gateway must be running with the same mappings file before apply: Event Grid validates the endpoint."
  type        = string
}

variable "dead_letter_container" {
  description = "Blob container created in each source storage account for dead-lettered events."
  type        = string
  default     = "tributary-dead-letters"
}

variable "tags" {
  description = "Tags of the system topics created."
  type        = map(string)
  default     = { "app" = "tributary" }
}
