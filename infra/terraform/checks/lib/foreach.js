'use strict';
// Without terraform nothing can be evaluated, so the examples select the sources of a cloud with
// one recognisable expression, and this file reads the source types out of it:
//
//   { for name, s in local.mappings.sources : name => s if contains(["aws-sqs", "aws-sns"], s.type) }
//
// either as the for_each itself or in a local that for_each names (for_each = local.aws_sources),
// where local.mappings = yamldecode(file(var.mappings_file)).

const { soleExpression, expressionAst, rel } = require('./terraform');

const PATTERN =
  '{ for NAME, S in local.mappings.sources : NAME => S if contains(["TYPE", ...], S.type) }, ' +
  'directly or through a local';

class PatternError extends Error {}

function fail(where, problem) {
  throw new PatternError(`${where}: for_each ${problem}; expected ${PATTERN}`);
}

/** Resolves for_each = local.NAME to that local's expression (one level). */
function resolveForEach(config, module) {
  const where = `${rel(module.file)}: module "${module.name}"`;
  const raw = module.body.for_each;
  if (raw === undefined) fail(where, 'is missing');
  let expr = soleExpression(raw);
  if (expr === null) fail(where, `is not an expression (${JSON.stringify(raw)})`);
  const local = /^local\.([A-Za-z_][\w-]*)$/.exec(expr);
  if (local) {
    const found = config.locals.find((l) => l.name === local[1]);
    if (!found) fail(where, `names local.${local[1]}, which is not defined`);
    expr = soleExpression(found.expr);
    if (expr === null) fail(where, `names local.${local[1]}, which is not an expression`);
  }
  return { where, expr };
}

/** Checks that local.mappings is yamldecode(file(var.mappings_file)). */
function checkMappingsLocal(config) {
  const local = config.locals.find((l) => l.name === 'mappings');
  const where = rel(config.dir);
  if (!local) throw new PatternError(`${where}: no local "mappings" (expected mappings = yamldecode(file(var.mappings_file)))`);
  const expr = (soleExpression(local.expr) || '').replace(/\s+/g, '');
  if (expr !== 'yamldecode(file(var.mappings_file))') {
    throw new PatternError(`${rel(local.file)}: local.mappings is ${local.expr}, expected yamldecode(file(var.mappings_file))`);
  }
}

/**
 * The source types a source module's for_each selects. Throws a PatternError naming the file
 * when the expression does not follow the pattern.
 */
async function forEachSourceTypes(config, module) {
  const { where, expr } = resolveForEach(config, module);
  let ast;
  try {
    ast = await expressionAst(expr);
  } catch (err) {
    fail(where, `does not parse (${err.message})`);
  }
  const meta = (ast && ast.meta) || {};
  if (!ast || ast.type !== 'for') fail(where, `is not a for expression (${expr})`);
  if (meta.collectionExpression !== 'local.mappings.sources') {
    fail(where, `iterates over ${meta.collectionExpression}, not local.mappings.sources`);
  }
  if (!meta.keyVar || meta.keyExpression !== meta.keyVar || meta.valueExpression !== meta.valVar) {
    fail(where, 'must map each source name to its source unchanged (NAME => S)');
  }
  if (meta.groupedValue) fail(where, 'must not group values (...)');
  const condition = (ast.children || []).find((c) => c.meta && c.meta.value === meta.conditionalExpression);
  if (!meta.conditionalExpression || !condition) fail(where, 'has no "if" clause selecting source types');
  if (condition.type !== 'function' || condition.meta.name !== 'contains') {
    fail(where, `selects with "${meta.conditionalExpression}", not contains([...], ${meta.valVar}.type)`);
  }
  const [list, attr] = condition.children || [];
  if (!attr || attr.type !== 'scopeTraversal' || attr.meta.fullAccessor !== `${meta.valVar}.type`) {
    fail(where, `must test ${meta.valVar}.type`);
  }
  if (!list || list.type !== 'tuple') fail(where, 'must list the types literally');
  const types = (list.children || []).map((item) => {
    const parts = item.type === 'template' ? item.children || [] : [];
    if (parts.length !== 1 || parts[0].type !== 'literalValue' || parts[0].meta.type !== 'string') {
      fail(where, `has a type that is not a string literal (${item.meta && item.meta.value})`);
    }
    return parts[0].meta.value;
  });
  if (types.length === 0) fail(where, 'lists no types');
  return types;
}

module.exports = { PatternError, forEachSourceTypes, checkMappingsLocal };
