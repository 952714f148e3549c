import BedrockAPI

extension TimedJobs {
    /// How a job family's Get, Stop and List operations are named and read.
    public struct Lookups: Sendable {
        /// What the job is called in a not-found message ("batch inference job").
        public var noun: String
        /// The input member naming the job by id, name or ARN.
        public var member: String
        public var get: String
        public var stop: String?
        /// The List operation and the output member its summaries go under.
        public var list: (operation: String, member: String)?
        public var timeField: String
        public var nameField: String
        /// ListQuery's field overrides for filters its conventions do not name.
        public var fields: [String: String]

        public init(
            noun: String, member: String = "jobIdentifier", get: String, stop: String? = nil, list: (operation: String, member: String)? = nil,
            timeField: String = "creationTime", nameField: String = "jobName", fields: [String: String] = [:]
        ) {
            self.noun = noun
            self.member = member
            self.get = get
            self.stop = stop
            self.list = list
            self.timeField = timeField
            self.nameField = nameField
            self.fields = fields
        }
    }

    /// Registers what every timed job family answers alike: Get (the named job, moved to its
    /// current status), Stop (Stopping, then Stopped) and List (each job moved on, then
    /// filtered and paged by ListQuery's conventions, each shown as `summary` makes it).
    public func register(
        _ lookups: Lookups, service: String, into registry: inout OperationRegistry,
        summary: @escaping @Sendable (StoredResource) -> ShapeValue = { $0.value }
    ) {
        let jobs = self
        registry.register(service, lookups.get) { request in
            OperationOutput(try await jobs.current(try await jobs.collection.require(request, member: lookups.member, noun: lookups.noun)).value)
        }
        if let stop = lookups.stop {
            registry.register(service, stop) { request in
                _ = try await jobs.stop(try await jobs.collection.require(request, member: lookups.member, noun: lookups.noun))
                return OperationOutput()
            }
        }
        if let list = lookups.list {
            registry.register(service, list.operation) { request in
                let query = ListQuery(
                    request.input, scope: list.operation, timeField: lookups.timeField, nameField: lookups.nameField, fields: lookups.fields)
                return .listing(list.member, try query.page(try await jobs.listCurrent(account: request.context.account)), summary: summary)
            }
        }
    }
}
