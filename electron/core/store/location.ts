/**
 * Where a project lives, as far as the path tells: folders that a sync
 * client (Dropbox, OneDrive, Google Drive, iCloud) rewrites behind SQLite's
 * back, and network drives, both of which have corrupted or locked
 * databases for researchers before.
 */
export type RiskyLocation = 'Dropbox' | 'OneDrive' | 'Google Drive' | 'iCloud' | 'network';

export function riskyLocation(filePath: string): RiskyLocation | null {
  const p = filePath.replace(/\\/g, '/');
  if (/\/Dropbox( \([^/]*\))?\//i.test(p)) return 'Dropbox';
  if (/\/OneDrive( - [^/]*)?\//i.test(p)) return 'OneDrive';
  if (/\/(Google Drive|GoogleDrive|My Drive)\/|\/CloudStorage\/GoogleDrive/i.test(p)) return 'Google Drive';
  if (/\/(Mobile Documents|iCloud Drive|iCloudDrive)\//i.test(p)) return 'iCloud';
  if (/^\/\/[^/]+\/|^\/(Volumes|mnt|media)\/[^/]*(smb|nfs|cifs|share|nas)/i.test(p) || /^\/net\//.test(p)) return 'network';
  return null;
}
