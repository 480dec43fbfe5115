package org.pscdesk.cli;

import org.pscdesk.analysis.RtmResult;
import org.pscdesk.geo.Grid;
import org.pscdesk.geo.StudyMask;

/**
 * The {@code --export-cells} CSV: in-study cells only, {@code cell_id,row,col,x,y,count}, one column per
 * candidate variable, then {@code rrs,class,quadrant}. Doubles are written with {@link Double#toString}, which
 * reads back to the same double.
 */
final class CellExport {
    private CellExport() {
    }

    static String csv(RtmResult r) {
        StringBuilder sb = new StringBuilder("cell_id,row,col,x,y,count");
        for (String name : r.design().names()) {
            sb.append(',').append(name);
        }
        sb.append(",rrs,class,quadrant\n");
        StudyMask mask = r.table().mask();
        Grid grid = mask.grid();
        int[] y = r.design().y();
        for (int k = 0; k < mask.size(); k++) {
            int cell = mask.cell(k);
            sb.append(cell).append(',').append(cell / grid.nx()).append(',').append(cell % grid.nx()).append(',')
                    .append(mask.centreX(k)).append(',').append(mask.centreY(k)).append(',').append(y[k]);
            for (int j = 0; j < r.design().p(); j++) {
                sb.append(',').append((int) r.design().column(j)[k]);
            }
            sb.append(',').append(r.risk().rrs()[k]).append(',').append(r.classes()[k]).append(',')
                    .append(r.quadrants()[k]).append('\n');
        }
        return sb.toString();
    }
}
