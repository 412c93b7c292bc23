variable "name" {
  description = "Name of the Tributary source in the mappings file (a key of `sources`). Used in resource names and in the SNS endpoint path /sources/{name}."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$", var.name))
    error_message = "name must be 1-63 letters, digits, '-' or '_', starting with a letter or digit."
  }
}

variable "type" {
  description = "Source type from the mappings file: `aws-sqs` (the gateway pulls a queue) or `aws-sns` (SNS pushes to the gateway over HTTPS)."
  type        = string

  validation {
    condition     = contains(["aws-sqs", "aws-sns"], var.type)
    error_message = "type must be \"aws-sqs\" or \"aws-sns\"."
  }
}

variable "delivery" {
  description = "For `aws-sqs`: how bucket events reach the queue. `s3` uses an S3 bucket notification to SQS; `eventbridge` turns on EventBridge for the bucket and routes matching events to SQS with a rule. Ignored for `aws-sns`."
  type        = string
  default     = "s3"
  nullable    = false

  validation {
    condition     = contains(["s3", "eventbridge"], var.delivery)
    error_message = "delivery must be \"s3\" or \"eventbridge\"."
  }
}

variable "queue_name" {
  description = "Name of the SQS queue for an `aws-sqs` source: the last path segment of the source's queueUrl. Required for `aws-sqs`."
  type        = string
  default     = null

  validation {
    condition     = var.queue_name == null || can(regex("^[A-Za-z0-9_-]{1,76}$", var.queue_name))
    error_message = "queue_name must be 1-76 letters, digits, '-' or '_' (standard queues only: S3 and EventBridge cannot target FIFO queues, and the dead-letter queue adds \"-dlq\")."
  }
}

variable "topic_name" {
  description = "Name of the SNS topic for an `aws-sns` source: the last segment of the topic ARN listed in the source's topicArns. Required for `aws-sns`."
  type        = string
  default     = null

  validation {
    condition     = var.topic_name == null || can(regex("^[A-Za-z0-9_-]{1,256}$", var.topic_name))
    error_message = "topic_name must be 1-256 letters, digits, '-' or '_' (standard topics only)."
  }
}

variable "bucket" {
  description = "Name of the existing S3 bucket whose notifications feed this source. Null: no bucket notification is managed (something else sends to the queue or topic). This module owns the bucket's whole notification configuration, so one bucket can feed only one source."
  type        = string
  default     = null
}

variable "s3_events" {
  description = "S3 event types sent by the bucket notification (delivery `s3` and `aws-sns`), e.g. `s3:ObjectCreated:*`."
  type        = list(string)
  default     = ["s3:ObjectCreated:*"]
  nullable    = false

  validation {
    condition     = length(var.s3_events) > 0 && alltrue([for e in var.s3_events : startswith(e, "s3:")])
    error_message = "s3_events must be a non-empty list of S3 event names such as \"s3:ObjectCreated:*\"."
  }
}

variable "eventbridge_detail_types" {
  description = "EventBridge `detail-type` values matched by the rule (delivery `eventbridge`), e.g. `Object Created`, `Object Deleted`."
  type        = list(string)
  default     = ["Object Created"]
  nullable    = false

  validation {
    condition     = length(var.eventbridge_detail_types) > 0
    error_message = "eventbridge_detail_types must not be empty."
  }
}

variable "filter_prefix" {
  description = "Object key prefix the cloud filters on before anything reaches the gateway (empty: no prefix filter). A coarse pre-filter: route filters in the mappings file still apply."
  type        = string
  default     = ""
  nullable    = false
}

variable "filter_suffixes" {
  description = "Object key suffixes the cloud filters on (any of them; empty: no suffix filter). With S3 delivery each suffix becomes one notification rule; with EventBridge, one pattern alternative."
  type        = list(string)
  default     = []
  nullable    = false

  validation {
    condition     = alltrue([for s in var.filter_suffixes : s != ""])
    error_message = "filter_suffixes must not contain empty strings."
  }
}

variable "max_receive_count" {
  description = "How many times a message may be received from the queue before SQS moves it to the dead-letter queue."
  type        = number
  default     = 5
  nullable    = false

  validation {
    condition     = var.max_receive_count >= 1 && var.max_receive_count <= 1000 && floor(var.max_receive_count) == var.max_receive_count
    error_message = "max_receive_count must be a whole number from 1 to 1000."
  }
}

variable "visibility_timeout_seconds" {
  description = "Queue visibility timeout (the examples take the source's visibilityTimeout option). Keep it longer than the slowest route's delivery, retries included, or messages reappear while being delivered."
  type        = number
  default     = 60
  nullable    = false

  validation {
    condition     = var.visibility_timeout_seconds >= 0 && var.visibility_timeout_seconds <= 43200
    error_message = "visibility_timeout_seconds must be between 0 and 43200."
  }
}

variable "receive_wait_time_seconds" {
  description = "Queue default long-polling wait (the source's waitTimeSeconds option)."
  type        = number
  default     = 20
  nullable    = false

  validation {
    condition     = var.receive_wait_time_seconds >= 0 && var.receive_wait_time_seconds <= 20
    error_message = "receive_wait_time_seconds must be between 0 and 20."
  }
}

variable "message_retention_seconds" {
  description = "How long the queue keeps a message (the dead-letter queue keeps messages for 14 days)."
  type        = number
  default     = 345600
  nullable    = false

  validation {
    condition     = var.message_retention_seconds >= 60 && var.message_retention_seconds <= 1209600
    error_message = "message_retention_seconds must be between 60 and 1209600."
  }
}

variable "gateway_url" {
  description = "Public HTTPS base URL of the gateway, e.g. https://gateway.example.com. Required for `aws-sns`: the topic is subscribed at {gateway_url}/sources/{name}."
  type        = string
  default     = null

  validation {
    condition     = var.gateway_url == null || can(regex("^https://[^/?#]+(/[^?#]*)?$", var.gateway_url))
    error_message = "gateway_url must be an https:// URL without query or fragment."
  }
}

variable "sns_endpoint_auto_confirms" {
  description = "Whether the gateway confirms the SNS subscription by itself (the source's autoConfirm option). When true, Terraform waits for the confirmation."
  type        = bool
  default     = true
  nullable    = false
}

variable "lambda_functions" {
  description = "Lambda functions (names or ARNs) that routes from this source deliver to: the gateway's policy may invoke them (and their versions and aliases)."
  type        = list(string)
  default     = []
  nullable    = false
}

variable "gateway_role_name" {
  description = "Name of the IAM role the gateway runs as. When set, the least-privilege policy created here is attached to it."
  type        = string
  default     = null
}

variable "tags" {
  description = "Tags added to every resource that takes tags."
  type        = map(string)
  default     = {}
  nullable    = false
}
