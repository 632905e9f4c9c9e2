/** A software package found in an image, a directory or a lockfile. */
export interface Package {
  name: string;
  version: string;
  /** OSV ecosystem, per release for distros: "npm", "PyPI", "Go", "Maven", "crates.io", "RubyGems", "Packagist", "NuGet", "Debian:12", "Alpine:v3.20", … */
  ecosystem: string;
  /** Package URL (purl spec). */
  purl: string;
  /** purl type: "deb", "apk", "rpm", "npm", "pypi", "golang", "maven", "gem", "cargo", "composer", "nuget". */
  type: string;
  licenses?: string[];
  /** Source package (Debian `Source:`, apk origin, rpm source RPM); vulnerability matching for distros needs it. */
  sourceName?: string;
  sourceVersion?: string;
  /** Where it was found: file path, and for images the layer digest. */
  locations: { path: string; layer?: string }[];
  /** The cataloger that found it: "dpkg", "apk", "npm-lock", … */
  foundBy: string;
}
