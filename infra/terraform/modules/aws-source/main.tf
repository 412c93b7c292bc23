data "aws_partition" "current" {}
data "aws_region" "current" {}
data "aws_caller_identity" "current" {}

locals {
  is_sqs          = var.type == "aws-sqs"
  is_sns          = var.type == "aws-sns"
  via_s3          = local.is_sqs && var.delivery == "s3"
  via_eventbridge = local.is_sqs && var.delivery == "eventbridge"
  has_bucket      = var.bucket != null

  partition  = data.aws_partition.current.partition
  region     = data.aws_region.current.name
  account_id = data.aws_caller_identity.current.account_id
  bucket_arn = local.has_bucket ? "arn:${local.partition}:s3:::${var.bucket}" : null

  # Resource names: the queue/topic keep the names the mappings file points at.
  base_name        = coalesce(var.queue_name, var.topic_name, "tributary-${var.name}")
  dead_letter_name = "${substr(local.base_name, 0, 76)}-dlq"
  label            = "tributary-${var.name}"

  # One S3 notification rule per suffix (S3 allows a single prefix and suffix per rule).
  s3_filter_rules = [
    for i, suffix in coalescelist(var.filter_suffixes, [""]) : {
      id     = "${local.label}-${i}"
      prefix = var.filter_prefix != "" ? var.filter_prefix : null
      suffix = suffix != "" ? suffix : null
    }
  ]

  # EventBridge key patterns: a prefix, suffixes (any of them), or both combined as wildcards
  # (in a wildcard pattern '*' and '\' are escaped with '\').
  wildcard_prefix   = replace(replace(var.filter_prefix, "\\", "\\\\"), "*", "\\*")
  wildcard_suffixes = [for s in var.filter_suffixes : replace(replace(s, "\\", "\\\\"), "*", "\\*")]
  key_patterns = (
    var.filter_prefix != "" && length(var.filter_suffixes) > 0 ? [for s in local.wildcard_suffixes : tomap({ wildcard = "${local.wildcard_prefix}*${s}" })] :
    var.filter_prefix != "" ? [tomap({ prefix = var.filter_prefix })] :
    [for s in var.filter_suffixes : tomap({ suffix = s })]
  )
  pattern_with_key = jsonencode({
    source        = ["aws.s3"]
    "detail-type" = var.eventbridge_detail_types
    detail        = { bucket = { name = [var.bucket] }, object = { key = local.key_patterns } }
  })
  pattern_without_key = jsonencode({
    source        = ["aws.s3"]
    "detail-type" = var.eventbridge_detail_types
    detail        = { bucket = { name = [var.bucket] } }
  })
  event_pattern = length(local.key_patterns) > 0 ? local.pattern_with_key : local.pattern_without_key

  sns_endpoint = var.gateway_url == null ? null : "${trimsuffix(var.gateway_url, "/")}/sources/${var.name}"

  lambda_arns = [
    for f in var.lambda_functions :
    startswith(f, "arn:") ? f : "arn:${local.partition}:lambda:${local.region}:${local.account_id}:function:${f}"
  ]
  needs_gateway_policy = local.is_sqs || length(local.lambda_arns) > 0
}

# --- Queues -----------------------------------------------------------------------------------

resource "aws_sqs_queue" "dead_letter" {
  name                      = local.dead_letter_name
  message_retention_seconds = 1209600
  sqs_managed_sse_enabled   = true
  tags                      = merge(var.tags, { "tributary.dev/source" = var.name })
}

resource "aws_sqs_queue" "main" {
  count = local.is_sqs ? 1 : 0

  name                       = var.queue_name
  visibility_timeout_seconds = var.visibility_timeout_seconds
  receive_wait_time_seconds  = var.receive_wait_time_seconds
  message_retention_seconds  = var.message_retention_seconds
  sqs_managed_sse_enabled    = true
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.dead_letter.arn
    maxReceiveCount     = var.max_receive_count
  })
  tags = merge(var.tags, { "tributary.dev/source" = var.name })

  lifecycle {
    precondition {
      condition     = var.queue_name != null
      error_message = "Source '${var.name}' is of type aws-sqs: queue_name is required (the last segment of its queueUrl)."
    }
    precondition {
      condition     = !local.via_eventbridge || local.has_bucket
      error_message = "Source '${var.name}' uses EventBridge delivery: bucket is required."
    }
  }
}

resource "aws_sqs_queue_redrive_allow_policy" "dead_letter" {
  count = local.is_sqs ? 1 : 0

  queue_url = aws_sqs_queue.dead_letter.id
  redrive_allow_policy = jsonencode({
    redrivePermission = "byQueue"
    sourceQueueArns   = [aws_sqs_queue.main[0].arn]
  })
}

data "aws_iam_policy_document" "queue" {
  count = local.is_sqs ? 1 : 0

  dynamic "statement" {
    for_each = local.via_s3 && local.has_bucket ? [1] : []
    content {
      sid       = "AllowBucketNotifications"
      effect    = "Allow"
      actions   = ["sqs:SendMessage"]
      resources = [aws_sqs_queue.main[0].arn]
      principals {
        type        = "Service"
        identifiers = ["s3.amazonaws.com"]
      }
      condition {
        test     = "ArnLike"
        variable = "aws:SourceArn"
        values   = [local.bucket_arn]
      }
      condition {
        test     = "StringEquals"
        variable = "aws:SourceAccount"
        values   = [local.account_id]
      }
    }
  }

  dynamic "statement" {
    for_each = local.via_eventbridge ? [1] : []
    content {
      sid       = "AllowEventBridgeRule"
      effect    = "Allow"
      actions   = ["sqs:SendMessage"]
      resources = [aws_sqs_queue.main[0].arn]
      principals {
        type        = "Service"
        identifiers = ["events.amazonaws.com"]
      }
      condition {
        test     = "ArnEquals"
        variable = "aws:SourceArn"
        values   = [aws_cloudwatch_event_rule.s3[0].arn]
      }
    }
  }

  statement {
    sid       = "DenyInsecureTransport"
    effect    = "Deny"
    actions   = ["sqs:*"]
    resources = [aws_sqs_queue.main[0].arn]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}

resource "aws_sqs_queue_policy" "main" {
  count = local.is_sqs ? 1 : 0

  queue_url = aws_sqs_queue.main[0].id
  policy    = data.aws_iam_policy_document.queue[0].json
}

# The dead-letter queue receives directly from SNS (subscription redrive) or EventBridge (target
# dead-letter config); those services need permission to send to it.
data "aws_iam_policy_document" "dead_letter" {
  count = local.is_sns || local.via_eventbridge ? 1 : 0

  statement {
    sid       = "AllowServiceDeadLetters"
    effect    = "Allow"
    actions   = ["sqs:SendMessage"]
    resources = [aws_sqs_queue.dead_letter.arn]
    principals {
      type        = "Service"
      identifiers = [local.is_sns ? "sns.amazonaws.com" : "events.amazonaws.com"]
    }
    condition {
      test     = "ArnEquals"
      variable = "aws:SourceArn"
      values   = [local.is_sns ? aws_sns_topic.main[0].arn : aws_cloudwatch_event_rule.s3[0].arn]
    }
  }
}

resource "aws_sqs_queue_policy" "dead_letter" {
  count = local.is_sns || local.via_eventbridge ? 1 : 0

  queue_url = aws_sqs_queue.dead_letter.id
  policy    = data.aws_iam_policy_document.dead_letter[0].json
}

# --- EventBridge (aws-sqs with delivery = "eventbridge") ---------------------------------------

resource "aws_cloudwatch_event_rule" "s3" {
  count = local.via_eventbridge ? 1 : 0

  name          = substr(local.label, 0, 64)
  description   = "S3 events of bucket ${coalesce(var.bucket, "-")} for Tributary source ${var.name}"
  event_pattern = local.event_pattern
  state         = "ENABLED"
  tags          = var.tags
}

resource "aws_cloudwatch_event_target" "sqs" {
  count = local.via_eventbridge ? 1 : 0

  rule      = aws_cloudwatch_event_rule.s3[0].name
  target_id = "tributary-sqs"
  arn       = aws_sqs_queue.main[0].arn

  retry_policy {
    maximum_event_age_in_seconds = 86400
    maximum_retry_attempts       = 185
  }

  dead_letter_config {
    arn = aws_sqs_queue.dead_letter.arn
  }
}

# --- SNS (aws-sns) ----------------------------------------------------------------------------

resource "aws_sns_topic" "main" {
  count = local.is_sns ? 1 : 0

  name = var.topic_name
  tags = merge(var.tags, { "tributary.dev/source" = var.name })

  lifecycle {
    precondition {
      condition     = var.topic_name != null
      error_message = "Source '${var.name}' is of type aws-sns: topic_name is required (the last segment of the ARN in its topicArns)."
    }
  }
}

data "aws_iam_policy_document" "topic" {
  count = local.is_sns ? 1 : 0

  statement {
    sid       = "AllowOwnerAccount"
    effect    = "Allow"
    actions   = ["sns:GetTopicAttributes", "sns:SetTopicAttributes", "sns:Subscribe", "sns:Publish", "sns:ListSubscriptionsByTopic", "sns:DeleteTopic"]
    resources = [aws_sns_topic.main[0].arn]
    principals {
      type        = "AWS"
      identifiers = ["arn:${local.partition}:iam::${local.account_id}:root"]
    }
  }

  dynamic "statement" {
    for_each = local.has_bucket ? [1] : []
    content {
      sid       = "AllowBucketNotifications"
      effect    = "Allow"
      actions   = ["sns:Publish"]
      resources = [aws_sns_topic.main[0].arn]
      principals {
        type        = "Service"
        identifiers = ["s3.amazonaws.com"]
      }
      condition {
        test     = "ArnLike"
        variable = "aws:SourceArn"
        values   = [local.bucket_arn]
      }
      condition {
        test     = "StringEquals"
        variable = "aws:SourceAccount"
        values   = [local.account_id]
      }
    }
  }
}

resource "aws_sns_topic_policy" "main" {
  count = local.is_sns ? 1 : 0

  arn    = aws_sns_topic.main[0].arn
  policy = data.aws_iam_policy_document.topic[0].json
}

resource "aws_sns_topic_subscription" "gateway" {
  count = local.is_sns ? 1 : 0

  topic_arn              = aws_sns_topic.main[0].arn
  protocol               = "https"
  endpoint               = local.sns_endpoint
  endpoint_auto_confirms = var.sns_endpoint_auto_confirms
  raw_message_delivery   = false
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.dead_letter.arn
  })

  depends_on = [aws_sqs_queue_policy.dead_letter]

  lifecycle {
    precondition {
      condition     = var.gateway_url != null
      error_message = "Source '${var.name}' is of type aws-sns: gateway_url is required (SNS pushes to {gateway_url}/sources/${var.name})."
    }
  }
}

# --- Bucket notification --------------------------------------------------------------------

resource "aws_s3_bucket_notification" "bucket" {
  count = local.has_bucket ? 1 : 0

  bucket      = var.bucket
  eventbridge = local.via_eventbridge

  dynamic "queue" {
    for_each = local.via_s3 ? local.s3_filter_rules : []
    content {
      id            = queue.value.id
      queue_arn     = aws_sqs_queue.main[0].arn
      events        = var.s3_events
      filter_prefix = queue.value.prefix
      filter_suffix = queue.value.suffix
    }
  }

  dynamic "topic" {
    for_each = local.is_sns ? local.s3_filter_rules : []
    content {
      id            = topic.value.id
      topic_arn     = aws_sns_topic.main[0].arn
      events        = var.s3_events
      filter_prefix = topic.value.prefix
      filter_suffix = topic.value.suffix
    }
  }

  # S3 checks that it may send to the destination when the configuration is saved.
  depends_on = [aws_sqs_queue_policy.main, aws_sns_topic_policy.main]
}

# --- The gateway's permissions ---------------------------------------------------------------

data "aws_iam_policy_document" "gateway" {
  count = local.needs_gateway_policy ? 1 : 0

  dynamic "statement" {
    for_each = local.is_sqs ? [1] : []
    content {
      sid    = "ConsumeSourceQueue"
      effect = "Allow"
      actions = [
        "sqs:ReceiveMessage",
        "sqs:DeleteMessage",
        "sqs:ChangeMessageVisibility",
        "sqs:GetQueueAttributes",
      ]
      resources = [aws_sqs_queue.main[0].arn]
    }
  }

  dynamic "statement" {
    for_each = length(local.lambda_arns) > 0 ? [1] : []
    content {
      sid       = "InvokeLambdaSinks"
      effect    = "Allow"
      actions   = ["lambda:InvokeFunction"]
      resources = concat(local.lambda_arns, [for arn in local.lambda_arns : "${arn}:*"])
    }
  }
}

resource "aws_iam_policy" "gateway" {
  count = local.needs_gateway_policy ? 1 : 0

  name        = "${local.label}-gateway"
  description = "What the Tributary gateway needs for source ${var.name}: consume its queue and invoke the Lambda sinks its routes deliver to."
  policy      = data.aws_iam_policy_document.gateway[0].json
  tags        = var.tags
}

resource "aws_iam_role_policy_attachment" "gateway" {
  count = local.needs_gateway_policy && var.gateway_role_name != null ? 1 : 0

  role       = var.gateway_role_name
  policy_arn = aws_iam_policy.gateway[0].arn
}
