/**
 * webpack loader for src/functions/functions.ts. custom-functions-metadata-plugin appends one
 * `CustomFunctions.associate("ID", fn);` line per function. Inside Excel the CustomFunctions global exists; in a plain
 * browser (the demo page, end-to-end tests) it does not, and an unguarded call would throw before the pane renders.
 * This runs after the plugin's loader and wraps exactly those generated lines.
 */
'use strict';

const GENERATED_ASSOCIATE = /^CustomFunctions\.associate\(("[^"\n]+"), ([A-Za-z_$][\w$]*)\);$/gm;

module.exports = function associateGuardLoader(source) {
  return source.replace(
    GENERATED_ASSOCIATE,
    'if (typeof CustomFunctions !== "undefined") CustomFunctions.associate($1, $2);',
  );
};
