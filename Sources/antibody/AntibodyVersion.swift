/// The version `antibody --version` prints.
enum AntibodyVersion {
    /// Semantic version of this build.
    static let current = "0.1.0"
}
