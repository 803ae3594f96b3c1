// Rebuild examples/data/real/fcr_capacity_2024{_raw,}.csv: the FCR Cooperation settlement
// price of Germany for 2024 (the auction is common to BE, NL and DE), EUR/MW per 4-hour block
// divided by the block's hours into EUR/MW/h (4; 3 and 5 on the DST days), held over each local block.
//
//   npx nx run @euroflex/markets:build && node tools/data/make-real-fcr-2024.mjs [SOURCE_CSV]
//
// SOURCE_CSV defaults to
// /work/shared/real-data/germany/fcr_capacity_2024_4h_techarena_DE_AT_CH_HU_CZ.csv (read-only).
// Options: tools/data/real-data-recipes.json, dataset fcr_capacity_2024.
import { rebuild } from './realData.mjs';

const source = process.argv[2];
rebuild(['fcr_capacity_2024'], source === undefined ? {} : { fcr_capacity_2024: source });
