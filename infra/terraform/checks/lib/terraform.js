'use strict';
// Reading Terraform configurations without terraform: parse with @cdktf/hcl2json (HCL's own
// parser compiled to WebAssembly) and look at the JSON form of each file.

const fs = require('node:fs');
const path = require('node:path');
const hcl = require('@cdktf/hcl2json');

const TF_ROOT = path.resolve(__dirname, '..', '..');
const REPO_ROOT = path.resolve(TF_ROOT, '..', '..');
const SKIP_DIRS = new Set(['node_modules', '.terraform', 'checks']);

/** Arguments of a module block that are Terraform's, not the module's variables. */
const MODULE_META_ARGS = new Set(['source', 'version', 'for_each', 'count', 'providers', 'depends_on']);

function rel(file) {
  return path.relative(REPO_ROOT, file);
}

/** Every .tf file under dir, sorted, skipping node_modules, .terraform and checks/. */
function listTfFiles(dir = TF_ROOT) {
  const found = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) found.push(...listTfFiles(full));
    } else if (entry.isFile() && entry.name.endsWith('.tf')) {
      found.push(full);
    }
  }
  return found.sort();
}

/** Directories that hold .tf files directly: every module and example. */
function listConfigDirs() {
  return [...new Set(listTfFiles().map((f) => path.dirname(f)))].sort();
}

/** Parses one file; a syntax error is thrown as "FILE: message". */
async function parseFile(file) {
  const text = fs.readFileSync(file, 'utf8');
  try {
    return await hcl.parse(path.basename(file), text);
  } catch (err) {
    throw new Error(`${rel(file)}: does not parse: ${err.message}`);
  }
}

/**
 * Loads every .tf file of a directory. Blocks are kept per file so that messages can name the
 * file: variables, outputs, modules and locals are lists of {file, name, body}.
 */
async function loadConfig(dir) {
  const config = {
    dir,
    files: [],
    variables: [],
    outputs: [],
    modules: [],
    locals: [],
    providers: [],
    resources: [],
    terraform: [],
  };
  const tfFiles = fs.readdirSync(dir).filter((n) => n.endsWith('.tf')).sort();
  for (const name of tfFiles) {
    const file = path.join(dir, name);
    const json = await parseFile(file);
    config.files.push({ file, json });
    for (const [vname, bodies] of Object.entries(json.variable || {})) {
      config.variables.push({ file, name: vname, body: bodies[0] });
    }
    for (const [oname, bodies] of Object.entries(json.output || {})) {
      config.outputs.push({ file, name: oname, body: bodies[0] });
    }
    for (const [mname, bodies] of Object.entries(json.module || {})) {
      config.modules.push({ file, name: mname, body: bodies[0] });
    }
    for (const block of json.locals || []) {
      for (const [lname, expr] of Object.entries(block)) config.locals.push({ file, name: lname, expr });
    }
    for (const [pname, bodies] of Object.entries(json.provider || {})) {
      config.providers.push({ file, name: pname, body: bodies[0] });
    }
    for (const kind of ['resource', 'data']) {
      for (const [type, byName] of Object.entries(json[kind] || {})) {
        for (const rname of Object.keys(byName)) config.resources.push({ file, kind, type, name: rname });
      }
    }
    for (const block of json.terraform || []) config.terraform.push({ file, body: block });
  }
  return config;
}

/** Calls visit(string) for every string in a parsed JSON value. */
function eachString(value, visit) {
  if (typeof value === 'string') visit(value);
  else if (Array.isArray(value)) value.forEach((v) => eachString(v, visit));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => eachString(v, visit));
}

/** True when a string holds an interpolation: "${" not written as the escape "$${". */
function hasInterpolation(s) {
  return /(^|[^$])\$\{/.test(s);
}

/** Every scopeTraversal (var.x.y, local.z, each.key, ...) in an expression AST. */
function traversals(node, found = []) {
  if (!node) return found;
  if (node.type === 'scopeTraversal' && node.meta && node.meta.fullAccessor) found.push(node.meta.fullAccessor);
  for (const child of node.children || []) traversals(child, found);
  return found;
}

/** Strings whose expression HCL's parser refused (and were scanned with a regex instead). */
const unparsedExpressions = [];

/**
 * References (var.x, local.y, module.z...) in one string from hcl2json. HCL's expression parser
 * finds them, so for-expression variables and the escape "$${" are not mistaken for references;
 * a string the expression parser refuses is scanned with a regular expression instead.
 */
async function referencesIn(s) {
  if (!hasInterpolation(s)) return [];
  const sole = soleExpression(s);
  try {
    return traversals(await hcl.getExpressionAst('expr.tf', sole !== null ? sole : `"${s}"`));
  } catch {
    unparsedExpressions.push(s);
    const found = [];
    const unescaped = s.replace(/\$\$\{/g, '');
    for (const m of unescaped.matchAll(/(?<![\w.])(var|local|module)\.([A-Za-z_][\w-]*)/g)) found.push(`${m[1]}.${m[2]}`);
    return found;
  }
}

/** Names of the variables a configuration references (var.NAME), outside variable blocks. */
async function referencedVariables(config) {
  const strings = [];
  for (const { json } of config.files) {
    for (const [blockType, value] of Object.entries(json)) {
      if (blockType !== 'variable') eachString(value, (s) => strings.push(s));
    }
  }
  const used = new Set();
  for (const s of strings) {
    for (const ref of await referencesIn(s)) {
      const m = /^var\.([A-Za-z_][\w-]*)/.exec(ref);
      if (m) used.add(m[1]);
    }
  }
  return used;
}

/** The expression inside "${...}" when a whole value is one interpolation, else null. */
function soleExpression(value) {
  if (typeof value !== 'string' || !value.startsWith('${') || !value.endsWith('}')) return null;
  let depth = 0;
  let quoted = false;
  for (let i = 1; i < value.length; i++) {
    const c = value[i];
    if (quoted) {
      if (c === '\\') i++;
      else if (c === '"') quoted = false;
    } else if (c === '"') {
      quoted = true;
    } else if (c === '{') {
      depth++;
    } else if (c === '}') {
      depth--;
      if (depth === 0) return i === value.length - 1 ? value.slice(2, -1).trim() : null;
    }
  }
  return null;
}

async function expressionAst(expr) {
  return hcl.getExpressionAst('expr.tf', expr);
}

module.exports = {
  TF_ROOT,
  REPO_ROOT,
  MODULE_META_ARGS,
  rel,
  listTfFiles,
  listConfigDirs,
  parseFile,
  loadConfig,
  eachString,
  hasInterpolation,
  referencesIn,
  unparsedExpressions,
  referencedVariables,
  soleExpression,
  expressionAst,
};
