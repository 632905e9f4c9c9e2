import { Option, type Command } from '@commander-js/extra-typings';
import type { CliIO } from '../io.js';

const SBOM_FORMATS = ['cyclonedx', 'spdx', 'json'];

export function register(program: Command, io: CliIO): void {
  program
    .command('sbom')
    .description('write a software bill of materials (CycloneDX 1.6 or SPDX 2.3 JSON) for a directory, a file or an image')
    .argument('<target>', 'directory, lockfile or archive, or an image (reference, docker-archive:FILE, oci-archive:FILE, oci:DIR)')
    .addOption(new Option('-f, --format <format>', 'SBOM format').choices(SBOM_FORMATS).default('cyclonedx'))
    .addOption(new Option('-o, --output <file>', 'write the SBOM to a file instead of stdout'))
    .addOption(new Option('-i, --input <file>', 'read the image from a docker save tarball, an OCI tarball or an OCI layout directory'))
    .addOption(new Option('--platform <os/arch[/variant]>', 'platform to pick from a multi-platform image'))
    .addOption(new Option('--insecure', 'allow plain HTTP to a registry that is not on loopback'))
    .action(async (target, flags) => (await import('../actions/sbom.js')).runSbom(io, target, flags));
}
