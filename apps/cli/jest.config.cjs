module.exports = require('../../jest.preset.cjs')('@euroflex/cli', __dirname);
