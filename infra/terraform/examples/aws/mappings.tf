# What this example derives from the mappings file: variables and locals only, no provider, so the
# build evaluates it offline with `terraform console` and checks the for_each sets it yields
# (checks/terraform-binary.test.js).

locals {
  mappings = yamldecode(file(var.mappings_file))
  sinks    = try(local.mappings.sinks, {})
  routes   = try(local.mappings.routes, [])

  # Every AWS source of the mappings file gets its cloud resources: add one there, apply here.
  aws_sources = { for name, s in local.mappings.sources : name => s if contains(["aws-sqs", "aws-sns"], s.type) }

  # Names Terraform creates come from the file where they are literal (a $${VAR} it cannot
  # resolve), else from var.aws_sources.
  queue_names = {
    for name, s in local.aws_sources : name => try(coalesce(try(var.aws_sources[name].queue_name, null), regex("/([^/$]+)$", s.queueUrl)[0]), null)
  }
  topic_names = {
    for name, s in local.aws_sources : name => try(coalesce(try(var.aws_sources[name].topic_name, null), regex(":([^:/$]+)$", s.topicArns[0])[0]), null)
  }

  # The Lambda sinks each source's routes may deliver to (dead-letter sinks included): the
  # gateway's policy for that source may invoke exactly those.
  lambda_sinks = { for name, k in local.sinks : name => k.function if k.type == "aws-lambda" && !strcontains(try(k.function, "$${"), "$${") }
  lambda_functions = {
    for src in keys(local.aws_sources) : src => distinct([
      for sink in flatten([
        for r in local.routes : concat(try(r.to, []), try([r.delivery.deadLetterSink], [])) if contains(try(r.from, []), src)
      ]) : local.lambda_sinks[sink] if contains(keys(local.lambda_sinks), sink)
    ])
  }

  buckets       = [for name in keys(local.aws_sources) : try(var.aws_sources[name].bucket, null) if try(var.aws_sources[name].bucket, null) != null]
  unknown_names = setsubtract(keys(var.aws_sources), keys(local.aws_sources))
}
