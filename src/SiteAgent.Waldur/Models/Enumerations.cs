namespace SiteAgent.Waldur.Models;

// Waldur's enums are kept as strings: the schema allows blank ("") and null variants and a newer
// Waldur may add values, neither of which a C# enum can hold. These constants name the known values.

/// <summary>Values of <c>OrderState</c>.</summary>
public static class OrderState
{
    /// <summary>Waiting for the consumer.</summary>
    public const string PendingConsumer = "pending-consumer";

    /// <summary>Waiting for the provider (the agent decides).</summary>
    public const string PendingProvider = "pending-provider";

    /// <summary>Waiting for the project.</summary>
    public const string PendingProject = "pending-project";

    /// <summary>Waiting for its start date.</summary>
    public const string PendingStartDate = "pending-start-date";

    /// <summary>Being executed by the provider.</summary>
    public const string Executing = "executing";

    /// <summary>Completed.</summary>
    public const string Done = "done";

    /// <summary>Failed.</summary>
    public const string Erred = "erred";

    /// <summary>Canceled by the consumer.</summary>
    public const string Canceled = "canceled";

    /// <summary>Rejected.</summary>
    public const string Rejected = "rejected";
}

/// <summary>Values of <c>RequestTypes</c> (order types).</summary>
public static class OrderType
{
    /// <summary>Create a resource.</summary>
    public const string Create = "Create";

    /// <summary>Change limits or plan.</summary>
    public const string Update = "Update";

    /// <summary>Terminate a resource.</summary>
    public const string Terminate = "Terminate";

    /// <summary>Restore a terminated resource.</summary>
    public const string Restore = "Restore";
}

/// <summary>Values of <c>ResourceState</c>.</summary>
public static class ResourceState
{
    /// <summary>Being created.</summary>
    public const string Creating = "Creating";

    /// <summary>Working.</summary>
    public const string Ok = "OK";

    /// <summary>Failed.</summary>
    public const string Erred = "Erred";

    /// <summary>Being updated.</summary>
    public const string Updating = "Updating";

    /// <summary>Being terminated.</summary>
    public const string Terminating = "Terminating";

    /// <summary>Terminated.</summary>
    public const string Terminated = "Terminated";
}

/// <summary>Values of <c>OfferingUserState</c>.</summary>
public static class OfferingUserState
{
    /// <summary>Requested by Waldur.</summary>
    public const string Requested = "Requested";

    /// <summary>Being created by the agent.</summary>
    public const string Creating = "Creating";

    /// <summary>The user must link an account first.</summary>
    public const string PendingAccountLinking = "Pending account linking";

    /// <summary>The user must pass additional validation first.</summary>
    public const string PendingAdditionalValidation = "Pending additional validation";

    /// <summary>Has a username.</summary>
    public const string Ok = "OK";

    /// <summary>Deletion requested.</summary>
    public const string RequestedDeletion = "Requested deletion";

    /// <summary>Being deleted.</summary>
    public const string Deleting = "Deleting";

    /// <summary>Deleted.</summary>
    public const string Deleted = "Deleted";

    /// <summary>Creation failed.</summary>
    public const string ErrorCreating = "Error creating";

    /// <summary>Deletion failed.</summary>
    public const string ErrorDeleting = "Error deleting";
}

/// <summary>Values of <c>BillingTypeEnum</c> (offering component accounting types).</summary>
public static class BillingType
{
    /// <summary>Fixed price.</summary>
    public const string Fixed = "fixed";

    /// <summary>Billed by reported usage.</summary>
    public const string Usage = "usage";

    /// <summary>Billed by limit.</summary>
    public const string Limit = "limit";

    /// <summary>One-time.</summary>
    public const string OneTime = "one";

    /// <summary>One-time on plan switch.</summary>
    public const string OnPlanSwitch = "few";
}

/// <summary>Values of <c>LimitPeriodEnum</c>; the schema also allows null.</summary>
public static class LimitPeriod
{
    /// <summary>Monthly.</summary>
    public const string Month = "month";

    /// <summary>Quarterly.</summary>
    public const string Quarterly = "quarterly";

    /// <summary>Annual.</summary>
    public const string Annual = "annual";

    /// <summary>For the whole life of the resource.</summary>
    public const string Total = "total";
}

/// <summary>Values of <c>BillingUnit</c>.</summary>
public static class BillingUnit
{
    /// <summary>Per month.</summary>
    public const string Month = "month";

    /// <summary>Per quarter.</summary>
    public const string Quarter = "quarter";

    /// <summary>Per half month.</summary>
    public const string HalfMonth = "half_month";

    /// <summary>Per day.</summary>
    public const string Day = "day";

    /// <summary>Per hour.</summary>
    public const string Hour = "hour";

    /// <summary>Per unit.</summary>
    public const string Quantity = "quantity";
}

/// <summary>Values of <c>ServiceAccountState</c> and <c>CourseAccountStateEnum</c>.</summary>
public static class AccountState
{
    /// <summary>Active.</summary>
    public const string Ok = "OK";

    /// <summary>Closed.</summary>
    public const string Closed = "Closed";

    /// <summary>Failed.</summary>
    public const string Erred = "Erred";

    /// <summary>Pending (course accounts only).</summary>
    public const string Pending = "Pending";
}

/// <summary>Values of <c>ObservableObjectTypeEnum</c> (event subscription object types).</summary>
public static class ObservableObjectType
{
    /// <summary>Orders.</summary>
    public const string Order = "order";

    /// <summary>User roles.</summary>
    public const string UserRole = "user_role";

    /// <summary>Resources.</summary>
    public const string Resource = "resource";

    /// <summary>Offering users.</summary>
    public const string OfferingUser = "offering_user";

    /// <summary>Importable backend resources.</summary>
    public const string ImportableResources = "importable_resources";

    /// <summary>Project service accounts.</summary>
    public const string ServiceAccount = "service_account";

    /// <summary>Course accounts.</summary>
    public const string CourseAccount = "course_account";

    /// <summary>SLURM periodic limits.</summary>
    public const string ResourcePeriodicLimits = "resource_periodic_limits";

    /// <summary>Forced resource sync.</summary>
    public const string OfferingResourcesSync = "offering_resources_sync";

    /// <summary>Resource API key rotation (8.1.x, not in the 8.0.9 schema).</summary>
    public const string ResourceApiKeyRotation = "resource_api_key_rotation";
}

/// <summary>Values of <c>ResourceApiKeyState</c> (8.1.x).</summary>
public static class ResourceApiKeyState
{
    /// <summary>Being created.</summary>
    public const string Creating = "Creating";

    /// <summary>Failed.</summary>
    public const string Erred = "Erred";

    /// <summary>Applied.</summary>
    public const string Ok = "OK";

    /// <summary>Being rotated.</summary>
    public const string Updating = "Updating";
}
