module.exports = require('../../jest.preset.cjs')('@euroflex/optimization', __dirname);
