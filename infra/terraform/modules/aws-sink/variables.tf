variable "name" {
  description = "Name of the Tributary sink in the mappings file (a key of `sinks`). Used in the IAM policy name."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$", var.name))
    error_message = "name must be 1-63 letters, digits, '-' or '_', starting with a letter or digit."
  }
}

variable "type" {
  description = "Sink type from the mappings file: `aws-sqs`, `aws-sns` or `aws-eventbridge`."
  type        = string

  validation {
    condition     = contains(["aws-sqs", "aws-sns", "aws-eventbridge"], var.type)
    error_message = "type must be \"aws-sqs\", \"aws-sns\" or \"aws-eventbridge\"."
  }
}

variable "queue_name" {
  description = "For `aws-sqs`: the queue to create, the last path segment of the sink's queueUrl (a name ending in .fifo makes a FIFO queue)."
  type        = string
  default     = null
}

variable "topic_name" {
  description = "For `aws-sns`: the topic to create, the last segment of the sink's topicArn (a name ending in .fifo makes a FIFO topic)."
  type        = string
  default     = null
}

variable "bus_name" {
  description = "For `aws-eventbridge`: the event bus, from the sink's bus (a name, or the last segment of an ARN). `default` is the account's default bus, which exists already: only the grant is made."
  type        = string
  default     = null
}

variable "gateway_role_name" {
  description = "IAM role the gateway runs as. When set, it gets an inline policy allowing exactly the sink's send action on the created destination. Null: no policy."
  type        = string
  default     = null
}

variable "tags" {
  description = "Tags of the created queue, topic or bus."
  type        = map(string)
  default     = {}
}
