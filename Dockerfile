# syntax=docker/dockerfile:1

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src

# Restore inputs first: the package layer is rebuilt only when a project file or a central version changes.
COPY global.json Directory.Build.props Directory.Packages.props AiEngineer.sln .editorconfig ./
COPY src/AiEngineer.Web/AiEngineer.Web.csproj src/AiEngineer.Web/
COPY src/AiEngineer.Core/AiEngineer.Core.csproj src/AiEngineer.Core/
COPY src/AiEngineer.Migrations.Postgres/AiEngineer.Migrations.Postgres.csproj src/AiEngineer.Migrations.Postgres/
COPY src/AiEngineer.Migrations.Sqlite/AiEngineer.Migrations.Sqlite.csproj src/AiEngineer.Migrations.Sqlite/
RUN dotnet restore src/AiEngineer.Web/AiEngineer.Web.csproj

COPY src/ src/
RUN dotnet publish src/AiEngineer.Web -c Release -o /app --no-restore


FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS final
WORKDIR /app

# The base image sets ASPNETCORE_HTTP_PORTS=8080; URLS would override it anyway, and
# clearing it avoids the "Overriding HTTP_PORTS" warning on every start.
ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_HTTP_PORTS="" \
    ASPNETCORE_ENVIRONMENT=Production

COPY --from=build /app .

# App_Data holds the SQLite fallback database and the .eml pickup directory (used when no
# SMTP host is set); /app is root-owned, so give the app user this one folder. It is not
# persistent: mount a volume here, or use Postgres and SMTP as docker-compose.yml does.
RUN mkdir -p /app/App_Data && chown "$APP_UID" /app/App_Data

USER $APP_UID
EXPOSE 8080

# No HEALTHCHECK: the aspnet image has no curl or wget. Let the orchestrator probe
# /healthz (liveness) and /healthz/ready (database).
ENTRYPOINT ["dotnet", "AiEngineer.Web.dll"]
