// office-addin-manifest pulls an ESM-only dependency chain that jest cannot load; office-addin-mock only needs it to exist.
export const OfficeAddinManifest = { readManifestFile: async () => ({}) };
export default {};
