from pace_desktop.cli import main

raise SystemExit(main())
