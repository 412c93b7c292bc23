variable "name" {
  description = "Name of the Tributary sink in the mappings file (a key of `sinks`). Used in the topic's tags."
  type        = string
}

variable "topic_name" {
  description = "Event Grid topic to create: the first label of the sink's endpoint host (TOPIC in https://TOPIC.REGION-1.eventgrid.azure.net/api/events)."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9-]{3,50}$", var.topic_name))
    error_message = "topic_name must be 3-50 letters, digits or '-'."
  }
}

variable "resource_group_name" {
  description = "Resource group of the topic (it must exist)."
  type        = string
  nullable    = false
}

variable "location" {
  description = "Azure region of the topic; it must be the REGION of the sink's endpoint."
  type        = string
}

variable "gateway_principal_id" {
  description = "Object id of the gateway's Microsoft Entra identity. When set, it gets the EventGrid Data Sender role on the topic. Null: no role (the gateway publishes with the topic key)."
  type        = string
  default     = null
}

variable "tags" {
  description = "Tags of the created topic."
  type        = map(string)
  default     = {}
}
