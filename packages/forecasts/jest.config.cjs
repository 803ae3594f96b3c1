module.exports = require('../../jest.preset.cjs')('@euroflex/forecasts', __dirname);
