// Test classes run one after another. WebApplicationFactory finds the host Program.cs builds through a process-wide
// diagnostic listener; with many hosts starting and stopping at once it now and then catches another test's host
// ("Addresses cannot be modified after the server has started"). A serial run costs little and never flakes.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
