module.exports = require('../../jest.preset.cjs')('@euroflex/config', __dirname);
