/**
 * exceljs 4.4 writes table columns without `<calculatedColumnFormula>`, so Excel would not know that 成交标记 and
 * 月份 are calculated columns (new rows would not get the formula). This patch teaches its table-column writer to
 * emit the element when a column model carries `calculatedColumnFormula`, and its reader to step over child elements
 * (calculatedColumnFormula, totalsRowFormula, xmlColumnPr): unpatched, exceljs throws on any table that Excel has
 * saved with a calculated column. Applied once, at import.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const TableColumnXform = require('exceljs/lib/xlsx/xform/table/table-column-xform.js') as {
  prototype: {
    tag: string;
    model: TableColumnModel;
    render(xmlStream: XmlStream, model: TableColumnModel): boolean;
    parseOpen(node: { name: string; attributes: Record<string, string> }): boolean;
    parseText(text: string): void;
    parseClose(name: string): boolean;
  };
};

/** Reader state per xform instance: inside which child element, and its text. */
interface ChildState {
  child?: string;
  text: string;
}
const childState = new WeakMap<object, ChildState>();

interface XmlStream {
  openNode(tag: string, attrs?: Record<string, string | undefined>): void;
  leafNode(tag: string, attrs: Record<string, string | undefined> | null, text?: string): void;
  closeNode(): void;
}

interface TableColumnModel {
  id: number;
  name: string;
  totalsRowLabel?: string;
  totalsRowFunction?: string;
  dxfId?: string;
  calculatedColumnFormula?: string;
}

let patched = false;

export function enableCalculatedColumns(): void {
  if (patched) return;
  patched = true;
  TableColumnXform.prototype.render = function render(xmlStream: XmlStream, model: TableColumnModel): boolean {
    const attrs = {
      id: String(model.id),
      name: model.name,
      totalsRowLabel: model.totalsRowLabel,
      totalsRowFunction: model.totalsRowFunction,
      dxfId: model.dxfId,
    };
    if (!model.calculatedColumnFormula) {
      xmlStream.leafNode(this.tag, attrs);
      return true;
    }
    xmlStream.openNode(this.tag, attrs);
    // Stored without the leading '=' (OOXML formula text).
    xmlStream.leafNode('calculatedColumnFormula', null, model.calculatedColumnFormula.replace(/^=/, ''));
    xmlStream.closeNode();
    return true;
  };

  const originalOpen = TableColumnXform.prototype.parseOpen;
  TableColumnXform.prototype.parseOpen = function parseOpen(node) {
    if (node.name === this.tag) {
      childState.set(this, { text: '' });
      return originalOpen.call(this, node);
    }
    childState.set(this, { child: node.name, text: '' });
    return true;
  };
  TableColumnXform.prototype.parseText = function parseText(text: string) {
    const state = childState.get(this);
    if (state?.child) state.text += text;
  };
  TableColumnXform.prototype.parseClose = function parseClose(name: string) {
    if (name === this.tag) return false;
    const state = childState.get(this);
    if (state && name === 'calculatedColumnFormula' && this.model) this.model.calculatedColumnFormula = state.text;
    if (state) state.child = undefined;
    return true;
  };
}

enableCalculatedColumns();
