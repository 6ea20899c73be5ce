from stratlint.cli import main

main()
