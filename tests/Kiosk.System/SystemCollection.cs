using Kiosk.SystemTests.Rig;

namespace Kiosk.SystemTests;

/// <summary>One VM at a time: the machine has two cores, and each VM emulates two.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SystemCollection : ICollectionFixture<BootedAppliance>
{
    public const string Name = "system";
}
