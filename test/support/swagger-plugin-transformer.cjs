// The @nestjs/swagger CLI plugin as a ts-jest AST transformer, so the OpenAPI document the e2e
// tests read is the one `nest build` produces. Its options come from nest-cli.json (one source).
const { readFileSync } = require('node:fs');
const path = require('node:path');
const { before } = require('@nestjs/swagger/plugin');

const nestCli = JSON.parse(readFileSync(path.join(__dirname, '../../nest-cli.json'), 'utf8'));
const plugin = nestCli.compilerOptions.plugins.find(
  (/** @type {string | { name: string }} */ entry) =>
    (typeof entry === 'string' ? entry : entry.name) === '@nestjs/swagger',
);
const pluginOptions = typeof plugin === 'object' ? (plugin.options ?? {}) : {};

module.exports = {
  name: 'nestjs-swagger-plugin',
  // Part of ts-jest's cache key: the options are, so a change to them recompiles.
  version: `1:${JSON.stringify(pluginOptions)}`,
  /**
   * `compiler.program` is the program the language service started with; the plugin needs the one
   * the file being emitted belongs to, which the language service has just brought up to date.
   * @param {{ program: import('typescript').Program, _languageService?: import('typescript').LanguageService }} compiler
   */
  factory(compiler) {
    const program = compiler._languageService?.getProgram() ?? compiler.program;
    return before({ ...pluginOptions }, program);
  },
};
