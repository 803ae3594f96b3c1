import type { Highs, ModelData } from 'highs';
import type { LinearModel } from './LinearModel';

/** The HiGHS view of a model; typed arrays are passed through, not copied. */
export function toModelData(highs: Highs, model: LinearModel, withNames: boolean): ModelData {
  const names = withNames && model.names !== undefined ? model.names() : undefined;
  return {
    numCols: model.numCols,
    numRows: model.numRows,
    sense: model.sense === 'maximize' ? highs.constants.objectiveSense.maximize : highs.constants.objectiveSense.minimize,
    colCost: model.colCost,
    colLower: model.colLower,
    colUpper: model.colUpper,
    rowLower: model.rowLower,
    rowUpper: model.rowUpper,
    matrix: {
      format: 'csc',
      numRows: model.numRows,
      numCols: model.numCols,
      starts: model.matrix.starts,
      indices: model.matrix.indices,
      values: model.matrix.values,
    },
    ...(model.integrality !== undefined ? { integrality: model.integrality } : {}),
    ...(names !== undefined ? { colNames: names.cols, rowNames: names.rows } : {}),
  };
}
