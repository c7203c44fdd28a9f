using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace AiEngineer.Web.Areas.Identity.Pages.Account;

/// <summary>
/// Identity's error messages (a weak password, an email already taken…) in the visitor's language. The English is
/// Identity's own wording, word for word (<c>AccountErrorDescriberTests</c> compares them), and the key in
/// <c>AccountText.resx</c>; the codes are Identity's.
/// </summary>
public sealed class AccountErrorDescriber(IStringLocalizer<AccountText> t) : IdentityErrorDescriber
{
    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };

    public override IdentityError DefaultError() => Error(nameof(DefaultError), t["An unknown failure has occurred."]);
    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure), t["Optimistic concurrency failure, object has been modified."]);
    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), t["Incorrect password."]);
    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), t["Invalid token."]);
    public override IdentityError RecoveryCodeRedemptionFailed() => Error(nameof(RecoveryCodeRedemptionFailed), t["Recovery code redemption failed."]);
    public override IdentityError LoginAlreadyAssociated() => Error(nameof(LoginAlreadyAssociated), t["A user with this login already exists."]);
    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), t["Username '{0}' is invalid, can only contain letters or digits.", userName ?? ""]);
    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), t["Email '{0}' is invalid.", email ?? ""]);
    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), t["Username '{0}' is already taken.", userName]);
    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), t["Email '{0}' is already taken.", email]);
    public override IdentityError InvalidRoleName(string? role) => Error(nameof(InvalidRoleName), t["Role name '{0}' is invalid.", role ?? ""]);
    public override IdentityError DuplicateRoleName(string role) => Error(nameof(DuplicateRoleName), t["Role name '{0}' is already taken.", role]);
    public override IdentityError UserAlreadyHasPassword() => Error(nameof(UserAlreadyHasPassword), t["User already has a password set."]);
    public override IdentityError UserLockoutNotEnabled() => Error(nameof(UserLockoutNotEnabled), t["Lockout is not enabled for this user."]);
    public override IdentityError UserAlreadyInRole(string role) => Error(nameof(UserAlreadyInRole), t["User already in role '{0}'.", role]);
    public override IdentityError UserNotInRole(string role) => Error(nameof(UserNotInRole), t["User is not in role '{0}'.", role]);
    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), t["Passwords must be at least {0} characters.", length]);
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Error(nameof(PasswordRequiresUniqueChars), t["Passwords must use at least {0} different characters.", uniqueChars]);
    public override IdentityError PasswordRequiresNonAlphanumeric() => Error(nameof(PasswordRequiresNonAlphanumeric), t["Passwords must have at least one non alphanumeric character."]);
    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), t["Passwords must have at least one digit ('0'-'9')."]);
    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower), t["Passwords must have at least one lowercase ('a'-'z')."]);
    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper), t["Passwords must have at least one uppercase ('A'-'Z')."]);
}
