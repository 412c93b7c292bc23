data "aws_partition" "current" {}
data "aws_region" "current" {}
data "aws_caller_identity" "current" {}

locals {
  is_sqs         = var.type == "aws-sqs"
  is_sns         = var.type == "aws-sns"
  is_eventbridge = var.type == "aws-eventbridge"
  new_bus        = local.is_eventbridge && var.bus_name != "default"

  default_bus_arn = "arn:${data.aws_partition.current.partition}:events:${data.aws_region.current.name}:${data.aws_caller_identity.current.account_id}:event-bus/default"
  destination_arn = (
    local.is_sqs ? aws_sqs_queue.main[0].arn :
    local.is_sns ? aws_sns_topic.main[0].arn :
    local.new_bus ? aws_cloudwatch_event_bus.main[0].arn : local.default_bus_arn
  )
  # The one call each sink makes.
  action = local.is_sqs ? "sqs:SendMessage" : local.is_sns ? "sns:Publish" : "events:PutEvents"
}

resource "aws_sqs_queue" "main" {
  count = local.is_sqs ? 1 : 0

  name                    = var.queue_name
  fifo_queue              = try(endswith(var.queue_name, ".fifo"), false) ? true : null
  sqs_managed_sse_enabled = true
  tags                    = merge(var.tags, { "tributary.dev/sink" = var.name })

  lifecycle {
    precondition {
      condition     = var.queue_name != null
      error_message = "Sink '${var.name}' is of type aws-sqs: queue_name is required (the last segment of its queueUrl)."
    }
  }
}

resource "aws_sns_topic" "main" {
  count = local.is_sns ? 1 : 0

  name       = var.topic_name
  fifo_topic = try(endswith(var.topic_name, ".fifo"), false) ? true : null
  tags       = merge(var.tags, { "tributary.dev/sink" = var.name })

  lifecycle {
    precondition {
      condition     = var.topic_name != null
      error_message = "Sink '${var.name}' is of type aws-sns: topic_name is required (the last segment of its topicArn)."
    }
  }
}

resource "aws_cloudwatch_event_bus" "main" {
  count = local.new_bus ? 1 : 0

  name = var.bus_name
  tags = merge(var.tags, { "tributary.dev/sink" = var.name })

  lifecycle {
    precondition {
      condition     = var.bus_name != null
      error_message = "Sink '${var.name}' is of type aws-eventbridge: bus_name is required."
    }
  }
}

resource "aws_iam_role_policy" "gateway" {
  count = var.gateway_role_name != null ? 1 : 0

  name = "tributary-sink-${var.name}"
  role = var.gateway_role_name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid      = "TributarySink"
      Effect   = "Allow"
      Action   = [local.action]
      Resource = [local.destination_arn]
    }]
  })
}
