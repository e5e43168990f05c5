/**
 * A view is what one municipality's citizens get: the base flows with its
 * flow overlays applied (whole nodes replaced or added, maybe a new entry) and
 * the base texts with its text overrides on top. Checks run once per view so
 * an overlay is checked in context. Pure.
 */
import type { BundleModel, FlowModel, MunicipalityModel, TextTables } from './model.js';

export interface View {
  /** Undefined for the base view (no municipality applied). */
  municipality?: MunicipalityModel;
  flows: Map<string, FlowModel>;
  /** texts[locale][key], overrides on top of base texts. */
  texts: TextTables;
  locales: string[];
}

export function baseView(model: BundleModel): View {
  return { flows: model.flows, texts: model.texts, locales: declaredLocales(model) };
}

export function municipalityView(model: BundleModel, municipality: MunicipalityModel): View {
  // Without overlays the base's flows are shared as they are, so work done on the flows alone is done once.
  const flows = municipality.overlays.length === 0 ? model.flows : new Map(model.flows);
  for (const overlay of municipality.overlays) {
    const base = flows.get(overlay.flow);
    if (!base) continue;
    const nodes = new Map([...base.nodes, ...overlay.nodes]);
    const entry = overlay.entry === undefined ? {} : { entry: overlay.entry, entryFile: overlay.file };
    flows.set(overlay.flow, { ...base, ...entry, nodes });
  }
  const texts: TextTables = new Map();
  for (const locale of new Set([...model.texts.keys(), ...municipality.texts.keys()])) {
    texts.set(locale, new Map([...(model.texts.get(locale) ?? []), ...(municipality.texts.get(locale) ?? [])]));
  }
  return { municipality, flows, texts, locales: declaredLocales(model) };
}

/** The base view first, then one view per municipality. */
export function allViews(model: BundleModel): View[] {
  return [baseView(model), ...[...model.municipalities.values()].map((m) => municipalityView(model, m))];
}

/** One view for each distinct set of flows: what depends on the flows alone need not be redone for text-only municipalities. */
export function viewsWithDistinctFlows(views: View[]): View[] {
  const seen = new Set<View['flows']>();
  return views.filter((view) => {
    if (seen.has(view.flows)) return false;
    seen.add(view.flows);
    return true;
  });
}

/** A municipality view that changes anything differs from the base view. */
export function changesBase(view: View): boolean {
  const m = view.municipality;
  return m !== undefined && (m.overlays.length > 0 || [...m.texts.values()].some((t) => t.size > 0));
}

function declaredLocales(model: BundleModel): string[] {
  return model.settings ? Object.keys(model.settings.data.locales) : [...model.localeFolders];
}
