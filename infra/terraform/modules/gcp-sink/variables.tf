variable "name" {
  description = "Name of the Tributary sink in the mappings file (a key of `sinks`). Used in the topic's labels."
  type        = string
}

variable "topic" {
  description = "The sink's topic, `projects/PROJECT/topics/TOPIC`, as in the mappings file."
  type        = string

  validation {
    condition     = can(regex("^projects/[^/]+/topics/[^/]+$", var.topic))
    error_message = "topic must be projects/PROJECT/topics/TOPIC."
  }
}

variable "gateway_member" {
  description = "IAM member the gateway runs as (e.g. `serviceAccount:tributary@PROJECT.iam.gserviceaccount.com`). When set, it gets roles/pubsub.publisher on the topic. Null: no grant."
  type        = string
  default     = null
}

variable "labels" {
  description = "Labels of the created topic."
  type        = map(string)
  default     = {}
}
