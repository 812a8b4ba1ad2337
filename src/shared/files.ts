/** A file the generator wants on disk, relative to the target folder. */
export interface GeneratedFile {
  path: string;
  content: string;
  /** POSIX mode; 0o755 for scripts the image or the user executes. */
  mode?: number;
  /**
   * Files the generator owns are compared by `check`; sample code and deploy artefacts are the
   * user's to change after generation.
   */
  owned: boolean;
}
