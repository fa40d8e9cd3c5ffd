; Inno Setup 6 script: a per-user installer (no administrator rights) for the PyInstaller folder.
;   iscc /DAppVersion=0.1.0 /DSourceDir=packaging\build\dist\roadmap-desktop /Odist packaging\windows\roadmap-desktop.iss
; Run by packaging/windows/build_windows.ps1; see docs/desktop-bundle.md.
#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef SourceDir
  #define SourceDir "..\build\dist\roadmap-desktop"
#endif

[Setup]
AppId={{6C2E4C1B-7F0A-4B7E-9D35-2E8B6F1A0D42}
AppName=Roadmap Desktop
AppVersion={#AppVersion}
AppPublisher=Roadmap Desktop
DefaultDirName={autopf}\Roadmap Desktop
DefaultGroupName=Roadmap Desktop
DisableProgramGroupPage=yes
; Per-user by default; the user may still choose "for all users" (then it asks for elevation).
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputBaseFilename=roadmap-desktop-{#AppVersion}-windows-x64-setup
SetupIconFile=..\bundle\icons\roadmap-desktop.ico
UninstallDisplayIcon={app}\roadmap-desktop.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ChangesAssociations=yes

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\Roadmap Desktop"; Filename: "{app}\roadmap-desktop.exe"
Name: "{autodesktop}\Roadmap Desktop"; Filename: "{app}\roadmap-desktop.exe"; Tasks: desktopicon

[Registry]
; Double-clicking a .roadmap file opens it in the app.
Root: HKA; Subkey: "Software\Classes\.roadmap"; ValueType: string; ValueName: ""; ValueData: "RoadmapDesktop.Project"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\RoadmapDesktop.Project"; ValueType: string; ValueName: ""; ValueData: "Roadmap Desktop project"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\RoadmapDesktop.Project\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\roadmap-desktop.exe,0"
Root: HKA; Subkey: "Software\Classes\RoadmapDesktop.Project\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\roadmap-desktop.exe"" ""%1"""

[Run]
Filename: "{app}\roadmap-desktop.exe"; Description: "{cm:LaunchProgram,Roadmap Desktop}"; Flags: nowait postinstall skipifsilent
