data "aws_region" "current" {}

locals {
  other_regions = [for name, s in local.aws_sources : name if !strcontains(try(s.region, data.aws_region.current.name), "$${") && try(s.region, data.aws_region.current.name) != data.aws_region.current.name]
}

module "source" {
  source   = "../../modules/aws-source"
  for_each = local.aws_sources

  name       = each.key
  type       = each.value.type
  queue_name = local.queue_names[each.key]
  topic_name = local.topic_names[each.key]

  bucket                   = try(var.aws_sources[each.key].bucket, null)
  delivery                 = try(var.aws_sources[each.key].delivery, null)
  s3_events                = try(var.aws_sources[each.key].s3_events, null)
  eventbridge_detail_types = try(var.aws_sources[each.key].eventbridge_detail_types, null)
  filter_prefix            = try(var.aws_sources[each.key].filter_prefix, null)
  filter_suffixes          = try(var.aws_sources[each.key].filter_suffixes, null)
  max_receive_count        = try(var.aws_sources[each.key].max_receive_count, null)

  # Source options that are also queue / subscription settings.
  visibility_timeout_seconds = try(tonumber(each.value.visibilityTimeout), null)
  receive_wait_time_seconds  = try(tonumber(each.value.waitTimeSeconds), null)
  sns_endpoint_auto_confirms = try(tobool(each.value.autoConfirm), null)

  gateway_url       = var.gateway_url
  gateway_role_name = var.gateway_role_name
  lambda_functions  = local.lambda_functions[each.key]
  tags              = var.tags
}

# Refuse a plan that would not match the mappings file.
resource "terraform_data" "mappings_checks" {
  input = keys(local.aws_sources)

  lifecycle {
    precondition {
      condition     = length(local.unknown_names) == 0
      error_message = "aws_sources has settings for ${join(", ", local.unknown_names)}, which are not AWS sources of ${var.mappings_file}."
    }
    precondition {
      condition     = length(local.buckets) == length(distinct(local.buckets))
      error_message = "Two sources use the same bucket; a bucket has one notification configuration, so it can feed one source only."
    }
    precondition {
      condition     = length(local.other_regions) == 0
      error_message = "Sources ${join(", ", local.other_regions)} are in another region than ${data.aws_region.current.name}; apply this example once per region."
    }
  }
}

# Warn when what was created differs from what the gateway will use.
check "queue_urls_match_mappings" {
  assert {
    condition = alltrue([
      for name, s in local.aws_sources : s.type != "aws-sqs" || strcontains(s.queueUrl, "$${") || module.source[name].queue_url == s.queueUrl
    ])
    error_message = "The queueUrl of some aws-sqs sources in ${var.mappings_file} is not the queue created (see output queue_urls): fix the account id or region in the file."
  }
}
